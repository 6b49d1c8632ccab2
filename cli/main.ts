import { createContext } from '../server/src/app.js';
import { ConfigError, loadConfig } from '../server/src/platform/config.js';
import { DataDirBusyError, readLock } from '../server/src/platform/data-dir-lock.js';
import { isHelpOnly, progressLine, runProgram, type CliIo, type WithContext } from './program.js';
import { relayRemoteRun } from './remote.js';

const terminalIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  progress(label, done, total) {
    if (!process.stderr.isTTY) return;
    process.stderr.write(`\r${progressLine(label, done, total)}\x1b[K`);
    if (total !== null && done >= total) process.stderr.write('\n');
  },
};

/**
 * The embedded database (PGlite) is one process's: when `npm start` holds the data folder, the CLI sends
 * the command to that server (authenticated by the token in the lock file, readable only by its owner),
 * which runs it with its own context. Otherwise the CLI opens the database itself.
 */
export async function main(argv: string[]): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (config.database.kind === 'pglite' && !isHelpOnly(argv)) {
    const holder = readLock(config.dataDir);
    if (holder && holder.purpose === 'server' && holder.port && holder.operatorToken) {
      return runThroughServer(argv, holder.port, holder.operatorToken);
    }
    if (holder) {
      process.stderr.write(`${new DataDirBusyError(config.dataDir, holder).message}\n`);
      return 1;
    }
  }
  const withContext: WithContext = async (work) => {
    const context = await createContext(config, { purpose: 'cli' });
    try {
      return await work(context);
    } finally {
      await context.close();
    }
  };
  return runProgram(argv, terminalIo, withContext);
}

async function runThroughServer(argv: string[], port: number, token: string): Promise<number> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${port}/api/internal/cli`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-jobcast-operator-token': token },
      body: JSON.stringify({ argv, cwd: process.cwd() }),
    });
  } catch (error) {
    process.stderr.write(
      `The Jobcast server holding the data folder (port ${port}) does not answer: ${error instanceof Error ? error.message : String(error)}.\n` +
        'Wait for it to finish starting, or stop it and run this command again.\n',
    );
    return 1;
  }
  if (!response.ok || !response.body) {
    process.stderr.write(`The running Jobcast server refused the command (${response.status}): ${await response.text()}\n`);
    return 1;
  }
  try {
    // Node's fetch body is async-iterable (the DOM typings do not say so).
    return await relayRemoteRun(response.body as unknown as AsyncIterable<Uint8Array>, terminalIo);
  } catch (error) {
    process.stderr.write(`\nLost the Jobcast server on port ${port} while it ran the command (${error instanceof Error ? error.message : String(error)}); it may still have completed.\n`);
    return 1;
  }
}
