// The seeker's first screens stay small (a cheap phone on mobile data): each route's index.html + JavaScript +
// CSS before the page shows, measured from the build's manifest, must stay within web/size-budget.json. Players,
// charts, the map and console pages must stay out of them (they load when needed).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstScreenFiles, formatReport, hasBuild, measureRoutes, readBudget, type Manifest } from '../../build/size-report';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const distDir = path.join(webRoot, 'dist');
// CI builds the web app on install; locally a missing build skips (npm run build makes one).
const isBuilt = hasBuild(distDir);
if (!isBuilt && process.env.CI) throw new Error('web/dist has no .vite/manifest.json: run npm run build');

describe.skipIf(!isBuilt)('the seeker pages\' first screen (built web app)', () => {
  it('stays within its budget on every route', () => {
    const sizes = measureRoutes(distDir, readBudget(webRoot));
    console.log(formatReport(sizes));
    for (const size of sizes) expect(size.gzipKiB, `${size.route} (${size.page})`).toBeLessThanOrEqual(size.maxGzipKiB);
  });

  it('leaves the players, the charts and socket.io (but in the live room) out of every seeker first screen', () => {
    for (const size of measureRoutes(distDir, readBudget(webRoot))) {
      const late = size.route === '/live/:id' ? /\/(hls|mpegts|echart|use-china-map)[-.]/ : /\/(hls|mpegts|echart|use-china-map|socket)[-.]/;
      const heavy = size.files.filter((file) => late.test(file));
      expect(heavy, size.route).toEqual([]);
    }
  });
});

describe('firstScreenFiles', () => {
  const manifest: Manifest = {
    'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_react.js'], css: ['assets/index-1.css'] },
    '_react.js': { file: 'assets/react-2.js' },
    '_player.js': { file: 'assets/hls-3.js' },
    'src/page.tsx': { file: 'assets/page-4.js', imports: ['_react.js', '_tag.js'] },
    '_tag.js': { file: 'assets/tag-5.js', css: ['assets/tag-5.css'] },
  };

  it('follows static imports and CSS transitively, never dynamic imports', () => {
    expect(firstScreenFiles(manifest, ['index.html', 'src/page.tsx'])).toEqual(['assets/index-1.css', 'assets/index-1.js', 'assets/page-4.js', 'assets/react-2.js', 'assets/tag-5.css', 'assets/tag-5.js']);
  });

  it('refuses a page the build does not have', () => {
    expect(() => firstScreenFiles(manifest, ['src/gone.tsx'])).toThrow(/no chunk for src\/gone.tsx/);
  });
});
