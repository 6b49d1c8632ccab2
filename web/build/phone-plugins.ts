// Build steps for phones on mobile data (see docs/ARCHITECTURE.md, "The web app on a phone"):
// - every compressible file of web/dist gets .br and .gz copies, served as they are by the server (no CPU per
//   request);
// - sw.js, the service worker, is written from web/build/service-worker.js with this build's id and the files
//   of the job list's first screen, so that a deploy installs a new worker and drops the old shell;
// - the first screen's size per route is printed (web/size-budget.json holds the budgets the tests check).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { firstScreenFiles, formatReport, measureRoutes, MANIFEST_PATH, readBudget, type Manifest } from './size-report';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|geojson|txt)$/;
const MIN_BYTES = 512;
/** The route whose first screen the service worker keeps for offline use. */
const OFFLINE_PAGE = 'src/features/jobs/job-list-page.tsx';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? listFiles(file) : [file];
  });
}

export function precompress(distDir: string) {
  for (const file of listFiles(distDir)) {
    if (!COMPRESSIBLE.test(file) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
    const content = readFileSync(file);
    if (content.length < MIN_BYTES) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
}

export function writeServiceWorker(webRoot: string, distDir: string) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, MANIFEST_PATH), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)!;
  const shell = ['/', ...firstScreenFiles(manifest, [entry, OFFLINE_PAGE]).map((file) => `/${file}`), '/manifest.webmanifest', '/icons/icon-192.png'];
  const buildId = createHash('sha256').update(readFileSync(path.join(distDir, 'index.html'))).update(shell.join('\n')).digest('hex').slice(0, 12);
  const template = readFileSync(path.join(webRoot, 'build', 'service-worker.js'), 'utf8');
  const worker = template.replace("'__BUILD_ID__'", JSON.stringify(buildId)).replace("['__SHELL__']", JSON.stringify(shell));
  writeFileSync(path.join(distDir, 'sw.js'), worker);
}

/** antd's form context (imported by Drawer, Modal, Input… for their form-item styles) takes only FormProvider
 * from @rc-component/form, whose index assigns every part to the Form object and so keeps the whole form library
 * (useForm, Field, async-validator) in the seeker's first screen. Resolve that one import to the module that
 * defines FormProvider (the same module instance the index re-exports, so contexts stay shared). */
export function leanAntdFormContext(): Plugin {
  return {
    name: 'jobcast-lean-antd-form-context',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@rc-component/form' && importer && /antd[\\/]es[\\/]form[\\/]context\.js$/.test(importer)) {
        return this.resolve('@rc-component/form/es/FormContext.js', importer, { skipSelf: true });
      }
      return null;
    },
  };
}

/** index.html for the first paint on a slow link: the entry's CSS (global.css, ~2 KiB compressed) inside it, since
 * a stylesheet blocks the first paint and its own request cost a round trip; and the app's scripts asked for at low
 * priority, so that they do not compete with the page itself (the job list and a job page arrive as HTML and
 * show without them; the scripts are still requested at once). */
export function firstPaintIndexHtml(): Plugin {
  return {
    name: 'jobcast-first-paint-index-html',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        return html
          .replace(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g, (tag, fileName: string) => {
            const asset = context.bundle?.[fileName];
            return asset?.type === 'asset' ? `<style>${String(asset.source)}</style>` : tag;
          })
          .replace(/<(script type="module"|link rel="modulepreload") /g, '<$1 fetchpriority="low" ');
      },
    },
  };
}

function phoneBuildSteps(webRoot: string, distDir: string): Plugin {
  return {
    name: 'jobcast-phone',
    apply: 'build',
    closeBundle: {
      order: 'post',
      handler() {
        writeServiceWorker(webRoot, distDir);
        precompress(distDir);
        console.log(`\n${formatReport(measureRoutes(distDir, readBudget(webRoot)))}\n`);
      },
    },
  };
}

export function phonePlugins(webRoot: string, distDir: string): Plugin[] {
  return [leanAntdFormContext(), firstPaintIndexHtml(), phoneBuildSteps(webRoot, distDir)];
}
