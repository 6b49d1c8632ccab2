#!/usr/bin/env node
// Builds the web app (web/dist) when it is missing or older than its sources, so that a fresh
// `npm install` followed by `npm start` serves the UI. Runs as package.json's postinstall and from e2e/support.ts.
// JOBCAST_SKIP_WEB_BUILD=1 skips it (e.g. a server-only image, or CI steps that build separately).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const builtIndex = path.join(web, 'dist', 'index.html');
const say = (message) => console.log(`[build-web] ${message}`);

/** The newest modification time among the files that go into the bundle (tests excluded). */
function newestSourceTime() {
  let newest = 0;
  let newestFile = '';
  const visit = (file) => {
    if (!existsSync(file)) return;
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) visit(path.join(file, entry));
      return;
    }
    if (/\.test\.tsx?$/.test(file)) return;
    if (stat.mtimeMs > newest) {
      newest = stat.mtimeMs;
      newestFile = file;
    }
  };
  visit(path.join(web, 'src'));
  visit(path.join(web, 'index.html'));
  visit(path.join(web, 'vite.config.ts'));
  return { newest, newestFile };
}

function findViteBin() {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('vite/package.json', { paths: [root] });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.vite;
  return path.join(path.dirname(manifestPath), bin);
}

function main() {
  if (process.env.JOBCAST_SKIP_WEB_BUILD === '1') {
    say('skipped (JOBCAST_SKIP_WEB_BUILD=1)');
    return 0;
  }
  if (!existsSync(path.join(web, 'src')) || !existsSync(path.join(web, 'index.html'))) {
    say('no web sources here (web/src, web/index.html); nothing to build');
    return 0;
  }
  const { newest, newestFile } = newestSourceTime();
  if (existsSync(builtIndex)) {
    const builtAt = statSync(builtIndex).mtimeMs;
    if (builtAt >= newest) {
      say('web/dist is up to date; not rebuilding');
      return 0;
    }
    say(`web/dist is older than ${path.relative(root, newestFile)}; rebuilding`);
  } else {
    say('web/dist/index.html is missing; building the web app (vite build)');
  }
  let viteBin;
  try {
    viteBin = findViteBin();
  } catch {
    console.error('[build-web] vite is not installed, so the web app cannot be built. Run `npm install` (with dev tools), or set JOBCAST_SKIP_WEB_BUILD=1 to skip.');
    return 1;
  }
  const started = Date.now();
  const result = spawnSync(process.execPath, [viteBin, 'build', '--config', path.join(web, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Always a production bundle: vitest runs this with NODE_ENV=test, which would give React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0 || !existsSync(builtIndex)) {
    console.error(
      `[build-web] Building the web app FAILED (exit ${result.status ?? result.signal}). See the vite output above.\n` +
        '[build-web] Fix the error, then run `npm run build`; or set JOBCAST_SKIP_WEB_BUILD=1 to install without the web app.',
    );
    return 1;
  }
  say(`built web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

process.exitCode = main();
