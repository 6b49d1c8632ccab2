import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type LockInfo = { pid: number; purpose: string; port: number | null; startedAt: string; operatorToken?: string };

export class DataDirBusyError extends Error {
  constructor(readonly dataDir: string, readonly holder: LockInfo) {
    super(
      `The data folder ${dataDir} is in use by another Jobcast process (pid ${holder.pid}, ${holder.purpose}` +
        `${holder.port ? ` on port ${holder.port}` : ''}, since ${holder.startedAt}). ` +
        'The embedded database (PGlite) serves one process at a time. Stop that process first, ' +
        'or set JOBCAST_DATA_DIR to another folder, or use PostgreSQL via DATABASE_URL.',
    );
    this.name = 'DataDirBusyError';
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path.join(dataDir, 'jobcast.lock'), 'utf8')) as LockInfo;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/** One process owns an embedded data folder; a stale lock (dead pid) is taken over. */
export function acquireDataDirLock(dataDir: string, purpose: string) {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'jobcast.lock');
  const info: LockInfo = { pid: process.pid, purpose, port: null, startedAt: new Date().toISOString() };
  const write = () => writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
  try {
    write();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = readLock(dataDir);
    if (holder && holder.pid !== process.pid) throw new DataDirBusyError(dataDir, holder);
    rmSync(lockPath, { force: true });
    write();
  }
  return {
    /** Tells CLI processes where to send commands; the file is readable by its owner only. */
    advertiseServer(port: number, operatorToken: string) {
      info.port = port;
      info.operatorToken = operatorToken;
      writeFileSync(lockPath, JSON.stringify(info), { mode: 0o600 });
    },
    release() {
      const holder = readLock(dataDir);
      if (holder?.pid === process.pid) rmSync(lockPath, { force: true });
    },
  };
}
