// What each seeker page makes a phone download before it shows anything: the entry's static imports plus the
// page's own chunk and its static imports (JavaScript and CSS), gzip-compressed as the server sends them.
// Read from Vite's manifest (build.manifest); `npm run build` prints it and web/src/app/size-budget.test.ts
// fails when a page grows past web/size-budget.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export type ManifestChunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; css?: string[] };
export type Manifest = Record<string, ManifestChunk>;
export type RouteBudget = { page: string; maxGzipKiB: number };
export type Budget = { note?: string; routes: Record<string, RouteBudget> };
export type RouteSize = { route: string; page: string; files: string[]; gzipKiB: number; maxGzipKiB: number };

export const MANIFEST_PATH = '.vite/manifest.json';

/** Files loaded before first paint when `keys` are imported: their static imports, transitively, with CSS. */
export function firstScreenFiles(manifest: Manifest, keys: string[]): string[] {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build has no chunk for ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...files].sort();
}

function entryKey(manifest: Manifest): string {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('The manifest has no entry');
  return entry[0];
}

export function measureRoutes(distDir: string, budget: Budget): RouteSize[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, MANIFEST_PATH), 'utf8')) as Manifest;
  const gzipSizes = new Map<string, number>();
  const gzipSize = (file: string) => {
    if (!gzipSizes.has(file)) gzipSizes.set(file, gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length);
    return gzipSizes.get(file)!;
  };
  const indexHtml = readFileSync(path.join(distDir, 'index.html'));
  const html = gzipSync(indexHtml, { level: 9 }).length;
  // The entry's CSS is inside index.html (phone-plugins.ts, firstPaintIndexHtml): counted there, not twice.
  const entryCss = new Set((manifest[entryKey(manifest)].css ?? []).filter((file) => !indexHtml.includes(file)));
  return Object.entries(budget.routes).map(([route, { page, maxGzipKiB }]) => {
    const files = firstScreenFiles(manifest, [entryKey(manifest), page]).filter((file) => !entryCss.has(file));
    const bytes = html + files.reduce((sum, file) => sum + gzipSize(file), 0);
    return { route, page, files, gzipKiB: Math.round((bytes / 1024) * 10) / 10, maxGzipKiB };
  });
}

export function formatReport(sizes: RouteSize[]): string {
  const lines = sizes.map((size) => `${size.route.padEnd(20)} ${size.gzipKiB.toFixed(1).padStart(7)} KiB gzip (budget ${size.maxGzipKiB} KiB, ${size.files.length} files)`);
  return ['First screen per route (index.html + JavaScript + CSS before the page shows):', ...lines].join('\n');
}

export function readBudget(webRoot: string): Budget {
  return JSON.parse(readFileSync(path.join(webRoot, 'size-budget.json'), 'utf8')) as Budget;
}

export function hasBuild(distDir: string): boolean {
  return existsSync(path.join(distDir, MANIFEST_PATH));
}
