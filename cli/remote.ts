import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { Context } from '../server/src/app.js';
import { AppError } from '../server/src/platform/errors.js';
import type { App } from '../server/src/platform/http.js';
import { runProgram, type CliIo } from './program.js';

/**
 * Lets `jobcast …` run while `npm start` holds the embedded database: the CLI posts its argv here with the
 * operator token from the data folder's lock file, and the server runs the same command on its own context.
 */
export function registerOperatorCliRoute(app: App, context: Context, operatorToken: string) {
  const expected = Buffer.from(operatorToken);
  app.post('/api/internal/cli', {
    config: { access: 'public' },
    schema: {
      hide: true,
      body: z.object({ argv: z.array(z.string()).max(100), cwd: z.string().refine((value) => path.isAbsolute(value), 'must be an absolute path') }),
    },
  }, async (request) => {
    const given = Buffer.from(String(request.headers['x-jobcast-operator-token'] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError('forbidden', 'Operator token missing or wrong');
    }
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      out: (text) => { stdout += text; },
      err: (text) => { stderr += text; },
      cwd: request.body.cwd,
      progress: () => undefined,
    };
    // The server applied its migrations when it started; `jobcast migrate` reports only what it applies now.
    const exitCode = await runProgram(request.body.argv, io, (work) => work({ ...context, migrationsApplied: [] }));
    return { exitCode, stdout, stderr };
  });
}
