import { formatSeedSummary, MAX_DEMO_SCALE, seedDemoData } from '../../server/src/modules/demo/index.js';
import type { CommandRegistrar } from '../program.js';

type SeedCommandOptions = { scale: string; seed?: string; anchorDate?: string };

function parseScale(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new Error(`--scale must be a positive integer, got "${value}"`);
  const scale = Number(value);
  if (scale > MAX_DEMO_SCALE) throw new Error(`--scale must be at most ${MAX_DEMO_SCALE}, got ${scale}`);
  return scale;
}

function parseSeed(value: string): number {
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) throw new Error(`--seed must be an integer, got "${value}"`);
  return Number(value);
}

/** The anchor date as the `now` the generator takes: noon China time of that day. */
function parseAnchorDate(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match ? new Date(`${value.trim()}T12:00:00+08:00`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value.trim()) {
    throw new Error(`--anchor-date must be a date YYYY-MM-DD, got "${value}"`);
  }
  return date;
}

export const registerSeedCommand: CommandRegistrar = (program, io, withContext) => {
  program
    .command('seed')
    .description('Fill the database with synthetic demo data shaped like the report (accounts of every role, companies, jobs, sessions, applications)')
    .option('--scale <n>', `multiplies applications and seekers (1 = ~6,000 applications; at most ${MAX_DEMO_SCALE})`, '1')
    .option('--seed <integer>', 'generator seed (default: JOBCAST_DEMO_SEED); the same seed gives the same data')
    .option('--anchor-date <YYYY-MM-DD>', 'the day open jobs stay valid past (default: today, China time); same seed, scale and date give identical data')
    .addHelpText('after', '\nRefuses when the database already has demo data: seed an empty database (remove the data folder, or use a new DATABASE_URL).')
    .action(async (options: SeedCommandOptions) => {
      const scale = parseScale(options.scale);
      const seedValue = options.seed === undefined ? undefined : parseSeed(options.seed);
      const now = options.anchorDate === undefined ? new Date() : parseAnchorDate(options.anchorDate);
      await withContext(async (context) => {
        const startedAt = performance.now();
        const summary = await seedDemoData(context, { seed: seedValue ?? context.config.demoSeed, scale, now });
        io.out(formatSeedSummary(summary));
        io.out(`\nDone in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.\n`);
      });
    });
};
