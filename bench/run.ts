// `npm run bench` runs every bench/*.bench.ts one after another (each in its own process, so one
// benchmark's memory and handles never affect the next); `npm run bench -- <name> [args…]` runs one,
// e.g. `npm run bench -- analytics --applications 100000`. Benchmarks print figures; they assert nothing.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.bench.ts';

function listBenchmarks(): string[] {
  return readdirSync(BENCH_DIR).filter((name) => name.endsWith(SUFFIX)).sort();
}

function runOne(file: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, file), ...args], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const [requested, ...args] = process.argv.slice(2);
  const available = listBenchmarks();
  let selected = available;
  if (requested) {
    const name = path.basename(requested).replace(/\.ts$/, '').replace(/\.bench$/, '');
    const file = `${name}${SUFFIX}`;
    if (!available.includes(file)) {
      process.stderr.write(`No benchmark "${requested}". Available: ${available.map((item) => item.slice(0, -SUFFIX.length)).join(', ')}\n`);
      return 2;
    }
    selected = [file];
  }
  const failed: string[] = [];
  for (const file of selected) {
    process.stdout.write(`\n=== ${file} (${new Date().toISOString()}) ===\n`);
    const started = performance.now();
    const code = await runOne(file, requested ? args : []);
    process.stdout.write(`=== ${file}: exit ${code} after ${((performance.now() - started) / 1000).toFixed(1)} s ===\n`);
    if (code !== 0) failed.push(file);
  }
  if (failed.length) process.stderr.write(`Failed: ${failed.join(', ')}\n`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main();
