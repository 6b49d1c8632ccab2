import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { printReportPdf } from './analytics-report.js';
import { augustApplications, insertApplications } from './analytics.fixtures.js';

describe('jobcast report (printable HTML, optional PDF)', () => {
  let context: TestContext;
  let folder: string;
  beforeAll(async () => {
    context = await createTestContext();
    await insertApplications(context.db, augustApplications());
    folder = await mkdtemp(path.join(tmpdir(), 'jobcast-report-'));
  });
  afterAll(async () => {
    await context.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it('renders a self-contained page with SVG charts, the map, the figures and the method', async () => {
    const { html, mapProblem } = await context.analytics.renderReport({ from: '2022-08-01', to: '2022-08-31', minSent: 2 });
    expect(mapProblem).toBeNull();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link |src="http/);
    // Industry, categories, provinces, attractiveness bars, the map and the Sankey.
    expect(html.match(/<svg /g)?.length).toBe(6);
    expect(html).toContain('<b>19</b><span>投递简历');
    expect(html).toContain('<th>普工</th><td>苏州<span class="n">6</span></td><td>无锡<span class="n">3</span></td><td>北京<span class="n">1</span></td>');
    expect(html).toContain('<td>苏州</td><td class="num">6</td><td class="num">3</td><td class="num">2.0000</td>');
    expect(html).toContain('城市就业吸引力指数');
    expect(html).toContain('口径说明');
    expect(html).toContain('审图号');
    expect(html).not.toContain('合成数据');
  });

  it('says when the window holds synthetic demo data, and leaves out a missing map with a note', async () => {
    await context.db.query(`update applications set is_synthetic = true where id = (select min(id) from applications)`);
    const { html } = await context.analytics.renderReport({ from: '2022-07-01', to: '2022-09-30' });
    expect(html).toContain('合成数据 Synthetic data');

    const other = await createTestContext({ ANALYTICS_MAP_GEOJSON: path.join(folder, 'missing.geojson') });
    try {
      const report = await other.analytics.renderReport({ from: '2022-08-01', to: '2022-08-31' });
      expect(report.mapProblem).toMatch(/map file not found/);
      expect(report.html).toContain('Map left out');
    } finally {
      await other.drop();
    }
  });

  it('prints a PDF with Chromium, and explains when Chromium is missing', async () => {
    await expect(printReportPdf('<p>x</p>', path.join(folder, 'x.pdf'), path.join(folder, 'no-chromium'))).rejects.toThrow(/PDF needs Chromium at .*no-chromium/);
    if (!existsSync(context.config.chromiumPath) && process.env.CI !== 'true') return;
    const { html } = await context.analytics.renderReport({ from: '2022-08-01', to: '2022-08-31' });
    const htmlPath = path.join(folder, 'report.html');
    await writeFile(htmlPath, html);
    const pdfPath = path.join(folder, 'report.pdf');
    await context.analytics.printReportPdf(html, pdfPath);
    const pdf = await readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  });
});
