import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { Context } from '../server/src/app.js';
import { AppError } from '../server/src/platform/errors.js';
import type { App } from '../server/src/platform/http.js';
import { runProgram, type CliIo } from './program.js';

/**
 * What the server streams back while it runs a command for the CLI, one JSON object per line: output and
 * progress as they happen (an import's progress bar), a heartbeat so no client or proxy gives up on a
 * long quiet stretch (the last statement of a million-row import), and the exit code last.
 */
export type RemoteLine =
  | { type: 'out' | 'err'; text: string }
  | { type: 'progress'; label: string; done: number; total: number | null }
  | { type: 'alive' }
  | { type: 'exit'; code: number };

/** Lines at least this often, whatever the command is doing (fetch gives up after 300 s without data). */
const HEARTBEAT_MS = 10_000;

/**
 * Lets `jobcast …` run while `npm start` holds the embedded database: the CLI posts its argv here with the
 * operator token from the data folder's lock file, and the server runs the same command on its own context.
 */
export function registerOperatorCliRoute(app: App, context: Context, operatorToken: string, options: { heartbeatMs?: number } = {}) {
  const expected = Buffer.from(operatorToken);
  app.post('/api/internal/cli', {
    config: { access: 'public' },
    schema: {
      hide: true,
      body: z.object({ argv: z.array(z.string()).max(100), cwd: z.string().refine((value) => path.isAbsolute(value), 'must be an absolute path') }),
    },
  }, async (request, reply) => {
    const given = Buffer.from(String(request.headers['x-jobcast-operator-token'] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError('forbidden', 'Operator token missing or wrong');
    }
    const stream = new PassThrough();
    const send = (line: RemoteLine) => {
      if (!stream.writableEnded) stream.write(`${JSON.stringify(line)}\n`);
    };
    const io: CliIo = {
      out: (text) => send({ type: 'out', text }),
      err: (text) => send({ type: 'err', text }),
      cwd: request.body.cwd,
      progress: (label, done, total) => send({ type: 'progress', label, done, total }),
    };
    send({ type: 'alive' });
    const heartbeat = setInterval(() => send({ type: 'alive' }), options.heartbeatMs ?? HEARTBEAT_MS);
    // runProgram never throws: it reports errors on io.err and returns the exit code.
    // The server applied its migrations when it started; `jobcast migrate` reports only what it applies now.
    void runProgram(request.body.argv, io, (work) => work({ ...context, migrationsApplied: [] })).then((code) => {
      clearInterval(heartbeat);
      send({ type: 'exit', code });
      stream.end();
    });
    return reply.type('application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(stream);
  });
}

/** The CLI's side: relays a running server's lines to the terminal as they come; returns the exit code. */
export async function relayRemoteRun(body: AsyncIterable<Uint8Array>, io: Pick<CliIo, 'out' | 'err' | 'progress'>): Promise<number> {
  const decoder = new TextDecoder();
  let pending = '';
  const handle = (text: string): number | null => {
    if (!text.trim()) return null;
    const line = JSON.parse(text) as RemoteLine;
    if (line.type === 'out') io.out(line.text);
    else if (line.type === 'err') io.err(line.text);
    else if (line.type === 'progress') io.progress(line.label, line.done, line.total);
    else if (line.type === 'exit') return line.code;
    return null;
  };
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const code = handle(line);
      if (code !== null) return code;
    }
  }
  const code = handle(pending + decoder.decode());
  if (code !== null) return code;
  io.err('The Jobcast server stopped answering before the command finished; it may still have completed (check before running it again).\n');
  return 1;
}
