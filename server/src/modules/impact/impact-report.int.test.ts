import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram, type CliIo } from '../../../../cli/program.js';
import { createTestApp } from '../../test/harness.js';
import { sessionCookie } from '../../test/pipeline-factories.js';
import { buildImpactFixture, type ImpactFixture } from './impact.fixtures.js';

/** Every `data-figure="path" data-value="v"` of the printed report: the figures it publishes, by their JSON path. */
function figuresIn(html: string): Map<string, string> {
  return new Map([...html.matchAll(/data-figure="([^"]+)" data-value="([^"]*)"/g)].map((match) => [match[1], match[2]]));
}

function valueAt(json: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], json);
}

describe('jobcast report --kind impact (HTML in Chinese or English, PDF) and GET /api/impact/report.pdf', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  let fixture: ImpactFixture;
  let folder: string;
  const hasChromium = () => existsSync(harness.context.config.chromiumPath) || process.env.CI === 'true';

  beforeAll(async () => {
    harness = await createTestApp();
    fixture = await buildImpactFixture(harness.context);
    folder = await mkdtemp(path.join(tmpdir(), 'jobcast-impact-report-'));
  });
  afterAll(async () => {
    await harness.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { out: (text) => { stdout += text; }, err: (text) => { stderr += text; }, cwd: folder, progress: () => undefined };
    const exitCode = await runProgram(argv, io, (work) => work(harness.context));
    return { exitCode, stdout, stderr };
  }

  it('the HTML publishes exactly the figures of jobcast impact --json, each with its definition, in Chinese and in English', async () => {
    const window = ['--from', '2026-01-01', '--to', '2026-01-31', '--province', '江苏'];
    const json = JSON.parse((await cli('impact', ...window, '--json')).stdout);
    const zh = await cli('report', '--kind', 'impact', ...window, '--out', 'impact-zh.html');
    expect(zh.exitCode, zh.stderr).toBe(0);
    const html = await readFile(path.join(folder, 'impact-zh.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link |src="http/);
    const figures = figuresIn(html);
    // Every count of the contract is there, and every one printed equals the JSON.
    for (const required of ['measured.hires', 'measured.onboarded', 'measured.stayed7Days', 'measured.activeHosts', 'measured.activeRecruiters', 'estimated.total', 'estimated.methodVersion',
      'open.sessions', 'open.bureauSessions', 'open.companies', 'open.jobs', 'open.applications', 'open.hires', 'open.efficiency.medianHoursToHire', 'open.efficiency.sevenDayAttrition',
      'open.efficiency.awaitingSevenDayCheck', 'open.efficiency.sevenDayAttritionSeries.periods.1.attrition', 'open.efficiency.sevenDayAttritionSeries.periods.4.stayed']) {
      expect(figures.has(required), required).toBe(true);
    }
    for (const [figurePath, value] of figures) expect(String(valueAt(json, figurePath)), figurePath).toBe(value);
    expect(figures.get('measured.hires')).toBe('4');
    expect(figures.get('open.applications')).toBe('5');
    // The attrition by week: a2 left in the week of 01-05 (100 %), a1 stayed in the week of 01-12 (0 %), the rest 数据不足.
    expect([0, 1, 2, 3, 4].map((index) => figures.get(`open.efficiency.sevenDayAttritionSeries.periods.${index}.attrition`))).toEqual(['null', '1', '0', 'null', 'null']);
    expect(html).toContain('7天流失率走势（按周）');
    // Widespread for a province: its cities and the flows in and out (all from 安徽), never a one-row province table.
    expect(html).toContain('流入本省（来源省份）');
    expect(html).toMatch(/<td>安徽<\/td><td class="num">5<\/td>/);
    expect(html).toMatch(/<td>苏州<\/td><td class="num">4<\/td><td class="num">0<\/td>/);
    expect(html).not.toContain('接收简历最多的省份');
    // The province's map: 江苏 shaded, its cities drawn (苏州 with its 4).
    expect(html).toContain('本省地图');
    expect(html).toMatch(/苏州 4/);
    // The occupations in use (带岗主播 and 互联网招聘师 have people) with their counts.
    expect([...figures.keys()].filter((key) => key.startsWith('occupations.')).length).toBe(4);
    // The four parts, the method with its formula and sources, the definitions as notes.
    for (const part of ['Gather 吸纳', 'Renovate 创新', 'Open 开放', 'Widespread 流动']) expect(html).toContain(part);
    expect(html).toContain(json.estimated.components[0].formula);
    expect(html).toContain('中国人民大学劳动人事学院');
    expect(html).toContain('录用：录用时间在时间范围内的报名');
    expect(html).not.toContain('applications hired in the window');

    const en = await cli('report', '--kind', 'impact', ...window, '--lang', 'en', '--out', 'impact-en.html');
    expect(en.exitCode, en.stderr).toBe(0);
    const english = await readFile(path.join(folder, 'impact-en.html'), 'utf8');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Part 1 Gather');
    expect(english).toContain('applications hired in the window');
    expect(figuresIn(english)).toEqual(figures);
  });

  it('with a campaign, the figures of the campaign; and a bad campaign id is refused', async () => {
    const campaign = ['--from', '2026-01-01', '--to', '2026-01-31', '--campaign', fixture.campaignId];
    const json = JSON.parse((await cli('impact', ...campaign, '--json')).stdout);
    expect((await cli('report', '--kind', 'impact', ...campaign, '--out', 'campaign.html')).exitCode).toBe(0);
    const html = await readFile(path.join(folder, 'campaign.html'), 'utf8');
    for (const [figurePath, value] of figuresIn(html)) expect(String(valueAt(json, figurePath)), figurePath).toBe(value);
    expect(html).toContain(json.campaign.name);
    const refused = await cli('report', '--kind', 'impact', '--from', '2026-01-01', '--to', '2026-01-31', '--campaign', 'nope', '--out', 'x.html');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/--campaign "nope"/);
  });

  it('--pdf prints an A4 PDF with pages; a bureau downloads the same over HTTP for its province only', async () => {
    if (!hasChromium()) return;
    const result = await cli('report', '--kind', 'impact', '--from', '2026-01-01', '--to', '2026-01-31', '--province', '32', '--out', 'impact.html', '--pdf');
    expect(result.exitCode, result.stderr).toBe(0);
    const pdf = await readFile(path.join(folder, 'impact.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(2);

    const cookies = await sessionCookie(harness.context, fixture.users.bureauJiangsu.id);
    const response = await harness.app.inject({ method: 'GET', url: '/api/impact/report.pdf?from=2026-01-01&to=2026-01-31&lang=en', cookies });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/jobcast-impact-32-2026-01-01-2026-01-31-en\.pdf/);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await harness.app.inject({ method: 'GET', url: '/api/impact/report.pdf?from=2026-01-01&to=2026-01-31&provinceCode=44', cookies });
    expect(other.statusCode).toBe(403);
    const html = await harness.app.inject({ method: 'GET', url: '/api/impact/report.html?from=2026-01-01&to=2026-01-31', cookies });
    expect(figuresIn(html.body).get('measured.hires')).toBe('4');
  });
});
