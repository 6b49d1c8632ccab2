import { Command, CommanderError } from 'commander';
import type { Context } from '../server/src/app.js';
import { AppError } from '../server/src/platform/errors.js';
import { registerAdminCommands } from './commands/admin-commands.js';
import { registerSeedCommand } from './commands/seed-command.js';
import { registerAnalyticsCommands } from './commands/analytics-commands.js';
import { registerImpactCommands } from './commands/impact-commands.js';
import { registerSessionsCommands } from './commands/sessions-commands.js';

/** Where a command writes: the terminal, or a buffer when the running server executes it for the CLI. */
export type CliIo = {
  out(text: string): void;
  err(text: string): void;
  /** The caller's working directory: relative file paths are resolved against it. */
  cwd: string;
  /** Progress for long work (imports); a no-op when there is no terminal. */
  progress(label: string, done: number, total: number | null): void;
};

/** A progress bar for the terminal: `[██████░░░░░░] 50%  label` (just the label when the total is unknown). */
export function progressLine(label: string, done: number, total: number | null, width = 24): string {
  if (!total) return label;
  const fraction = Math.min(1, Math.max(0, done / total));
  const filled = Math.round(fraction * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${label}`;
}

/** Runs work against the composition root: opened for the command, or the running server's own. */
export type WithContext = <T>(work: (context: Context) => Promise<T>) => Promise<T>;

export type CommandRegistrar = (program: Command, io: CliIo, withContext: WithContext) => void;

const REGISTRARS: CommandRegistrar[] = [registerAdminCommands, registerSeedCommand, registerAnalyticsCommands, registerImpactCommands, registerSessionsCommands];

export function buildProgram(io: CliIo, withContext: WithContext): Command {
  const program = new Command('jobcast')
    .description('Jobcast operator CLI: live-stream recruitment platform (直播带岗)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });
  for (const register of REGISTRARS) register(program, io, withContext);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Parses and runs argv; returns the exit code and never throws. */
export async function runProgram(argv: string[], io: CliIo, withContext: WithContext): Promise<number> {
  const program = buildProgram(io, withContext);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof AppError) {
      io.err(`Error (${error.code}): ${error.message}\n`);
      return 1;
    }
    io.err(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

export function isHelpOnly(argv: string[]) {
  return argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help' || argv.includes('--version');
}
