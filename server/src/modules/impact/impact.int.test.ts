import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/harness.js';
import { sessionCookie } from '../../test/pipeline-factories.js';
import { runProgram, type CliIo } from '../../../../cli/program.js';
import { createPipelineService } from '../pipeline/index.js';
import { buildImpactFixture, type ImpactFixture } from './impact.fixtures.js';

/**
 * The impact report over the hand-scripted data of impact.fixtures.ts (read its table first). Every expected
 * figure below is worked out by hand from that table; window: January 2026, China time.
 */
describe('impact report (GROW): measured, open, occupations, estimate, scope', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  let fixture: ImpactFixture;
  const cookies: Record<string, Record<string, string> | undefined> = {};
  const january = 'from=2026-01-01&to=2026-01-31';

  beforeAll(async () => {
    harness = await createTestApp();
    fixture = await buildImpactFixture(harness.context);
    for (const [name, user] of Object.entries(fixture.users)) cookies[name] = await sessionCookie(harness.context, user.id);
  });
  afterAll(async () => harness.close());

  const get = (who: string, url: string) => harness.app.inject({ method: 'GET', url, cookies: cookies[who] });
  const send = (who: string, method: 'POST' | 'PUT', url: string, payload: unknown) => harness.app.inject({ method, url, payload: payload as object, cookies: cookies[who] });

  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { out: (text) => { stdout += text; }, err: (text) => { stderr += text; }, cwd: process.cwd(), progress: () => undefined };
    const exitCode = await runProgram(argv, io, (work) => work(harness.context));
    return { exitCode, stdout, stderr };
  }

  it('江苏, January: every measured and open figure as worked out by hand', async () => {
    const response = await get('admin', `/api/impact?${january}&provinceCode=32`);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.region).toMatchObject({ kind: 'province', code: '32' });
    // hires: a6 (01-03), a2 (01-06), a1 (01-07), a4 (01-09); a3's hire undone, a7 hired in February, a5 in 深圳.
    // onboarded: a2, a1 (a4's onboarding undone). stayed: a1. hosts: host1 (S1), the 江苏 bureau (S2); S4 only
    // scheduled, S5 in December. recruiters: eA (direct), eB (agency; its contact stands though the hire was undone).
    expect(report.measured).toMatchObject({
      hires: 4, onboarded: 2, stayed7Days: 1, activeHosts: 2, activeRecruiters: 2,
      activeHostsByRole: { host: 1, employer: 0, bureau: 1 },
      activeRecruitersByAccountType: { direct: 1, agency: 1, dispatch: 0, public: 0 },
    });
    for (const key of ['hires', 'onboarded', 'stayed7Days', 'activeHosts', 'activeRecruiters']) expect(report.measured.definitions[key]).toMatch(/\//);
    // sessions S1, S2 (S2 by the bureau); jobs jA1, jA2, jB1 of companies A and B; applications a1 a2 a3 a4 a7;
    // viewers v1–v4 (S1) and v3–v5 (S2): 5 people.
    expect(report.open).toMatchObject({ sessions: 2, bureauSessions: 1, companies: 2, jobs: 3, viewers: 5, applications: 5, hires: 4 });
    // Efficiency. First contacts in January: a1 a2 a3 a4 one hour after applying, a7 after 24 (a6's was in December):
    // median 1. Hires: a2 22 h, a1 48 h, a4 72 h, a6 144 h: median 60. 7-day outcomes: a1 stayed, a2 left: 0.5.
    // A week after going live: S1 hired a1 and a2 (a7 only in February), S2 a4.
    expect(report.open.efficiency).toMatchObject({ medianHoursToFirstContact: 1, medianHoursToHire: 60, sevenDayAttrition: 0.5 });
    expect(report.open.efficiency.bestSessionsByWeeklyHires.map((row: { title: string; hires: number }) => [row.title, row.hires])).toEqual([['S1', 2], ['S2', 1]]);
    // The attrition by week (a 31-day window): weeks from Monday, clipped to the window. a2 left 01-10 (week of
    // 01-05), a1 stayed 01-15 (week of 01-12); the other weeks recorded no outcome: null (数据不足), not 0 %.
    expect(report.open.efficiency.sevenDayAttritionSeries).toEqual({ grain: 'week', periods: [
      { from: '2026-01-01', to: '2026-01-04', left: 0, stayed: 0, attrition: null },
      { from: '2026-01-05', to: '2026-01-11', left: 1, stayed: 0, attrition: 1 },
      { from: '2026-01-12', to: '2026-01-18', left: 0, stayed: 1, attrition: 0 },
      { from: '2026-01-19', to: '2026-01-25', left: 0, stayed: 0, attrition: null },
      { from: '2026-01-26', to: '2026-01-31', left: 0, stayed: 0, attrition: null },
    ] });
    for (const key of ['medianHoursToFirstContact', 'medianHoursToHire', 'sevenDayAttrition', 'sevenDayAttritionSeries', 'bestSessionsByWeeklyHires', 'viewers']) expect(report.open.definitions[key]).toBeTruthy();
    const occupations = Object.fromEntries(report.occupations.map((row: { name: string }) => [row.name, row]));
    expect(occupations['带岗主播']).toMatchObject({ group: '内容造物师', people: 1, jobs: 0 });
    expect(occupations['互联网招聘师']).toMatchObject({ group: '内容造物师', people: 1, jobs: 1 });
    expect(occupations['人工智能训练师']).toMatchObject({ group: '科技探索者', people: 0, jobs: 0, classificationCode: '4-04-05-05' });
    expect(report.occupations.filter((row: { people: number; jobs: number }) => row.people + row.jobs > 0)).toHaveLength(2);
  });

  it('苏州, 全国 and the campaign: the same figures narrowed and widened by hand', async () => {
    const suzhou = (await get('admin', `/api/impact?${january}&cityCode=苏州`)).json();
    // hires a6 a2 a1 (a4 is 南京); sessions S1 only; jobs jA1 jB1; applications a1 a2 a3 a7.
    expect(suzhou.measured).toMatchObject({ hires: 3, onboarded: 2, stayed7Days: 1, activeHosts: 1, activeRecruiters: 2 });
    expect(suzhou.open).toMatchObject({ sessions: 1, bureauSessions: 0, companies: 2, jobs: 2, viewers: 4, applications: 4, hires: 3 });

    const country = (await get('admin', `/api/impact?${january}`)).json();
    // plus 深圳: a5 hired, onboarded, stayed; host2 (S3); eG; jG; a5.
    expect(country.measured).toMatchObject({ hires: 5, onboarded: 3, stayed7Days: 2, activeHosts: 3, activeRecruiters: 3 });
    expect(country.open).toMatchObject({ sessions: 3, bureauSessions: 1, companies: 3, jobs: 4, viewers: 6, applications: 6, hires: 5 });
    // Hires a2 22, a5 26 (01-07 08:00 → 01-08 10:00), a1 48, a4 72, a6 144 h: median 48; a1, a5 stayed, a2 left: 1/3.
    expect(country.open.efficiency).toMatchObject({ medianHoursToHire: 48, sevenDayAttrition: 0.3333 });
    // By month over a longer window: December nothing, January a2 left, a1 and a5 stayed; February nothing.
    const winter = (await get('admin', '/api/impact?from=2025-12-15&to=2026-02-20')).json();
    expect(winter.open.efficiency.sevenDayAttritionSeries).toEqual({ grain: 'month', periods: [
      { from: '2025-12-15', to: '2025-12-31', left: 0, stayed: 0, attrition: null },
      { from: '2026-01-01', to: '2026-01-31', left: 1, stayed: 2, attrition: 0.3333 },
      { from: '2026-02-01', to: '2026-02-20', left: 0, stayed: 0, attrition: null },
    ] });
    expect(country.open.efficiency.bestSessionsByWeeklyHires.map((row: { title: string; hires: number }) => [row.title, row.hires])).toEqual([['S1', 2], ['S2', 1], ['S3', 1]]);
    const empty = (await get('admin', '/api/impact?from=2024-01-01&to=2024-01-31')).json();
    expect(empty.open.efficiency).toMatchObject({ medianHoursToFirstContact: null, medianHoursToHire: null, sevenDayAttrition: null, bestSessionsByWeeklyHires: [] });
    expect(empty.open.efficiency.sevenDayAttritionSeries.periods.every((period: { attrition: number | null }) => period.attrition === null)).toBe(true);
    expect(country.occupations.find((row: { name: string }) => row.name === '互联网招聘师')).toMatchObject({ people: 2, jobs: 2 });

    const campaign = (await get('admin', `/api/impact?${january}&provinceCode=江苏&campaignId=${fixture.campaignId}`)).json();
    // C1 is S1 only: applications a1 a2 a3 a7, hires a1 a2, onboarded a1 a2, stayed a1; host1; eA and eB; jobs
    // presented in S1: jA1, jB1 (companies A, B).
    expect(campaign.campaign).toEqual({ id: fixture.campaignId, name: '2026 春风行动' });
    expect(campaign.measured).toMatchObject({ hires: 2, onboarded: 2, stayed7Days: 1, activeHosts: 1, activeRecruiters: 2 });
    expect(campaign.open).toMatchObject({ sessions: 1, bureauSessions: 0, companies: 2, jobs: 2, viewers: 4, applications: 4, hires: 2 });
    expect(campaign.measured.definitions.campaign).toBeTruthy();
    expect(campaign.open.efficiency).toMatchObject({ medianHoursToHire: 35, sevenDayAttrition: 0.5 });

    const unknown = await get('admin', `/api/impact?${january}&campaignId=00000000-0000-4000-8000-000000000000`);
    expect(unknown.statusCode).toBe(404);
  });

  it('jobcast impact --json: the contract, and hires and applications equal to jobcast analytics --json', async () => {
    for (const region of [[], ['--province', '江苏'], ['--city', '苏州'], ['--city', '深圳']]) {
      const impact = await cli('impact', '--from', '2026-01-01', '--to', '2026-01-31', ...region, '--json');
      const analytics = await cli('analytics', '--from', '2026-01-01', '--to', '2026-01-31', ...region, '--json');
      expect(impact.exitCode, impact.stderr).toBe(0);
      const body = JSON.parse(impact.stdout);
      const totals = JSON.parse(analytics.stdout).totals;
      expect(Object.keys(body).slice(0, 5)).toEqual(['window', 'measured', 'estimated', 'occupations', 'open']);
      expect(body.window).toEqual({ from: '2026-01-01', to: '2026-01-31' });
      expect(Object.keys(body.estimated)).toEqual(expect.arrayContaining(['total', 'methodVersion', 'components']));
      expect(Object.keys(body.estimated.components[0])).toEqual(expect.arrayContaining(['name', 'inputs', 'coefficient', 'value']));
      expect(Object.keys(body.occupations[0])).toEqual(expect.arrayContaining(['name', 'group', 'people', 'jobs']));
      expect(body.measured.hires).toBe(totals.hires);
      expect(body.open.hires).toBe(totals.hires);
      expect(body.open.applications).toBe(totals.applications);
      expect(totals.hires).toBeGreaterThan(0);
    }
    const campaign = await cli('impact', '--from', '2026-01-01', '--to', '2026-01-31', '--campaign', fixture.campaignId, '--json');
    expect(JSON.parse(campaign.stdout).measured.hires).toBe(2);
    const table = await cli('impact', '--from', '2026-01-01', '--to', '2026-01-31', '--province', '32');
    expect(table.stdout).toContain('就业带动报告 Employment impact (GROW)');
    expect(table.stdout).toMatch(/互联网招聘师 +1 +1/);
    const bad = await cli('impact', '--from', '2026-01-01', '--to', '2026-02-30');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('--to: "2026-02-30" is not a date');
    expect((await cli('impact', '--from', '2026-01-01', '--to', '2026-01-31', '--campaign', 'nope')).stderr).toContain('--campaign "nope" is not a campaign id');
  });

  it('the estimate: v1 by hand, a new version by hand, the old one reproducible and immutable', async () => {
    const v1 = (await get('admin', `/api/impact?${january}&provinceCode=32`)).json().estimated;
    // v1: (activeHosts 2 + activeRecruiters 2) × 1 × 0.5 = 2; companies 2 × 1 = 2; agencyCompanies 1 × 1 = 1.
    expect(v1.methodVersion).toBe(1);
    expect(v1.components.map((component: { name: string; value: number }) => [component.name, component.value])).toEqual([['recruitmentWork', 2], ['upDownstream', 2], ['agencyServices', 1]]);
    expect(v1.components[0]).toMatchObject({ inputs: { activeHosts: 2, activeRecruiters: 2 }, coefficient: 1, multiPlatformAdjustment: 0.5, formula: '(activeHosts 2 + activeRecruiters 2) × 1 × 0.5 = 2', isAssumption: true });
    expect(v1.components[0].source).toContain('快手促进就业与数字劳动者发展报告');
    expect(v1.multiPlatformAdjustment).toMatchObject({ value: 0.5, isAssumption: true });
    expect(v1.total).toBe(5);

    const body = {
      name: '江苏 2026 试算',
      note: '测试版本',
      multiPlatformAdjustment: { value: 0.6, source: '假设 / assumption', isAssumption: true },
      components: [
        { name: 'people', label: '从业者', inputs: ['activeHosts', 'activeRecruiters'], coefficient: 1.5, source: '假设', isAssumption: true, multiPlatform: true },
        { name: 'offers', label: '企业与岗位', inputs: ['companies', 'jobs'], coefficient: 0.35, source: '假设', isAssumption: true, multiPlatform: false },
        { name: 'hired', label: '录用', inputs: ['hires'], coefficient: 2.25, source: '假设', isAssumption: true, multiPlatform: false },
      ],
    };
    expect((await send('bureauJiangsu', 'POST', '/api/admin/impact/methods', body)).statusCode).toBe(403);
    const duplicate = await send('admin', 'POST', '/api/admin/impact/methods', { ...body, components: [body.components[0], body.components[0]] });
    expect(duplicate.statusCode).toBe(400);
    const created = await send('admin', 'POST', '/api/admin/impact/methods', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ version: 2, createdBy: { id: fixture.users.admin.id } });

    const v2 = (await get('admin', `/api/impact?${january}&provinceCode=32`)).json().estimated;
    // (2 + 2) × 1.5 × 0.6 = 3.6; (companies 2 + jobs 3) × 0.35 = 1.75; hires 4 × 2.25 = 9; 14.35 → 14.
    expect(v2.methodVersion).toBe(2);
    expect(v2.components.map((component: { value: number }) => component.value)).toEqual([3.6, 1.75, 9]);
    expect(v2.components[1].formula).toBe('(companies 2 + jobs 3) × 0.35 = 1.75');
    expect(v2.total).toBe(14);
    // The figure made with v1 is still v1's.
    expect((await get('bureauJiangsu', `/api/impact?${january}&methodVersion=1`)).json().estimated).toEqual(v1);
    expect((await get('admin', `/api/impact?${january}&methodVersion=9`)).statusCode).toBe(404);

    const methods = (await get('bureauJiangsu', '/api/impact/methods')).json().methods;
    expect(methods.map((method: { version: number }) => method.version)).toEqual([2, 1]);
    // Stored versions never change, whoever writes to the table.
    await expect(harness.context.db.query(`update impact_methods set multi_platform_adjustment = 1 where version = 1`)).rejects.toThrow(/immutable/);
    await expect(harness.context.db.query(`delete from impact_methods where version = 2`)).rejects.toThrow(/immutable/);
    expect((await get('admin', `/api/impact?${january}&provinceCode=32&methodVersion=1`)).json().estimated.total).toBe(5);
  });

  it('scope: a bureau sees its own province (and its cities), another region is 403; others are refused', async () => {
    const own = await get('bureauJiangsu', `/api/impact?${january}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().region).toMatchObject({ kind: 'province', code: '32' });
    expect(own.json().measured.hires).toBe(4);
    expect((await get('bureauJiangsu', `/api/impact?${january}&cityCode=320500`)).json().measured.hires).toBe(3);
    for (const query of ['provinceCode=44', 'provinceCode=广东', 'cityCode=440300', 'cityCode=深圳']) {
      const response = await get('bureauJiangsu', `/api/impact?${january}&${query}`);
      expect(response.statusCode, query).toBe(403);
    }
    const guangdong = await get('bureauGuangdong', `/api/impact?${january}`);
    expect(guangdong.json().measured).toMatchObject({ hires: 1, onboarded: 1, stayed7Days: 1, activeHosts: 1, activeRecruiters: 1 });
    expect(guangdong.json().open.efficiency).toMatchObject({ medianHoursToHire: 26, sevenDayAttrition: 0 });
    expect((await get('admin', `/api/impact?${january}&provinceCode=44`)).json().measured.hires).toBe(1);
    for (const [who, status] of [['employerA', 403], ['host1', 403], ['seeker', 403], ['anonymous', 401]] as const) {
      expect((await get(who, `/api/impact?${january}`)).statusCode, who).toBe(status);
    }
    expect((await get('admin', `/api/impact?${january}&provinceCode=纳尼亚`)).statusCode).toBe(400);
  });

  it('public /impact: anyone, every count of the hand-scripted data (1–9) withheld, zeros published, definitions and method kept', async () => {
    const response = await get('anonymous', `/api/public/impact?${january}&provinceCode=32&methodVersion=1`);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.measured).toMatchObject({ hires: null, onboarded: null, stayed7Days: null, activeHosts: null, activeRecruiters: null });
    expect(report.open).toMatchObject({ sessions: null, bureauSessions: null, companies: null, jobs: null, viewers: null, applications: null, hires: null });
    // The medians are over 5 and 4 applications: withheld, not 数据不足.
    expect(report.open.efficiency).toMatchObject({ medianHoursToFirstContact: null, medianHoursToHire: null, sevenDayAttrition: null });
    expect(report.suppressed).toEqual(expect.arrayContaining(['measured.hires', 'open.applications', 'open.efficiency.medianHoursToHire', 'estimated.components.0.value']));
    expect(report.estimated).toMatchObject({ methodVersion: 1, total: null });
    expect(report.estimated.components[0].source).toMatch(/快手/);
    expect(report.measured.definitions.hires).toMatch(/录用/);
    expect(report.suppression).toEqual({ threshold: 10, cells: report.suppressed.length });
    // 带岗主播: people 1 → withheld; its jobs, 0, published; the 江苏 employers hosting: 0.
    expect(report.occupations.find((row: { name: string }) => row.name === '带岗主播')).toMatchObject({ people: null, jobs: 0 });
    expect(report.measured.activeHostsByRole).toEqual({ host: null, employer: 0, bureau: null });
    expect(JSON.stringify(report)).not.toMatch(/"(hires|people|jobs|sessions)":[1-9]/);
    const campaign = await get('anonymous', `/api/public/impact?${january}&campaignId=${fixture.campaignId}`);
    expect(campaign.statusCode).toBe(200);
    expect(campaign.json().campaign).toMatchObject({ id: fixture.campaignId });
  });

  it('occupations: the catalogue, stating one, tagging a job, admins add entries', async () => {
    const catalogue = (await get('anonymous', '/api/occupations')).json().occupations;
    expect(catalogue.map((row: { group: string }) => row.group)).toEqual(expect.arrayContaining(['科技探索者', '内容造物师', '商业训练家']));
    expect(catalogue.every((row: { source: string }) => row.source.length > 0)).toBe(true);
    // Codes only where a public document states them (migrations 0098, 0130), each with its batch and source.
    type Entry = { name: string; classificationCode: string | null; announcementBatch: string | null; source: string };
    const coded = (catalogue as Entry[]).filter((row) => row.classificationCode !== null);
    expect(coded.map((row) => [row.name, row.classificationCode])).toEqual([
      ['人工智能训练师', '4-04-05-05'], ['虚拟现实工程技术人员', '2-02-38-07'], ['全媒体运营师', '4-13-01-05'], ['招聘师', '4-07-03-08'],
      ['互联网营销师', '4-01-06-02'], ['网约配送员', '4-10-08-01'],
    ]);
    const byName = new Map((catalogue as Entry[]).map((row) => [row.name, row]));
    expect(byName.get('人工智能训练师')!.announcementBatch).toContain('人社厅发〔2020〕17号');
    expect(byName.get('人工智能训练师')!.source).toContain('4-04-05-05');
    expect(byName.get('互联网营销师')!.announcementBatch).toMatch(/2020年7月 第三批.*4-01-02-07/);
    expect(byName.get('互联网营销师')!.source).toContain('2022年版《中华人民共和国职业分类大典》');
    // Every code is named in its own source, with the document it comes from; the code an occupation was announced
    // with, where it differs, is in the batch.
    for (const row of coded) expect(row.source).toContain(row.classificationCode);
    expect(byName.get('网约配送员')).toMatchObject({ announcementBatch: expect.stringMatching(/第二批.*4-02-07-10/) });
    expect(byName.get('网约配送员')!.source).toContain('网约配送员国家职业技能标准（2021年版）');
    expect(byName.get('虚拟现实工程技术人员')!.source).not.toContain('编码未核实，未填写');
    // The report's own names that match no classified occupation: neither code nor batch, never a guessed one.
    expect(byName.get('跨境电子商务师')).toMatchObject({ classificationCode: null, announcementBatch: null });
    expect(byName.get('互联网招聘师')).toMatchObject({ classificationCode: null, announcementBatch: null });

    expect((await get('host1', '/api/me/occupation')).json().occupation).toMatchObject({ name: '带岗主播' });
    expect((await send('host2', 'PUT', '/api/me/occupation', { occupationId: 999_999 })).statusCode).toBe(400);
    expect((await send('seeker', 'PUT', '/api/me/occupation', { occupationId: fixture.occupationIds['带岗主播'] })).statusCode).toBe(403);
    const cleared = await send('host1', 'PUT', '/api/me/occupation', { occupationId: null });
    expect(cleared.json()).toEqual({ occupation: null });
    await send('host1', 'PUT', '/api/me/occupation', { occupationId: fixture.occupationIds['带岗主播'] });

    const job = { title: '直播间招聘助理', categoryCode: 'general_worker', industryCode: 'C', cityCode: '320500', payMonthlyMin: 5000, shiftPattern: 'day_shift', housing: 'none', meals: 'none', headcount: 1, validFrom: '2026-05-01', validUntil: '2026-06-30' };
    expect((await send('employerA', 'POST', '/api/employer/jobs', { ...job, occupationId: 999_999 })).json().error.fields[0].path).toBe('body.occupationId');
    const tagged = await send('employerA', 'POST', '/api/employer/jobs', { ...job, occupationId: fixture.occupationIds['互联网招聘师'] });
    expect(tagged.json().occupationId).toBe(fixture.occupationIds['互联网招聘师']);

    const entry = { name: '直播招聘运营', groupKey: 'business_trainer', source: '测试来源' };
    expect((await send('bureauJiangsu', 'POST', '/api/admin/occupations', entry)).statusCode).toBe(403);
    expect((await send('admin', 'POST', '/api/admin/occupations', { ...entry, classificationCode: '4-1-2' })).statusCode).toBe(400);
    const created = await send('admin', 'POST', '/api/admin/occupations', entry);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ group: '商业训练家', classificationCode: null, source: '测试来源' });
    const duplicate = await send('admin', 'POST', '/api/admin/occupations', entry);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.fields).toEqual([{ path: 'body.name', message: 'already in the catalogue / 职业目录中已有该职业' }]);

    const id = created.json().id;
    // A code needs its source: one that does not name it is refused on the source field.
    const unsourced = await send('admin', 'PUT', `/api/admin/occupations/${id}`, { ...entry, classificationCode: '9-99-99-99', source: '测试来源' });
    expect(unsourced.statusCode).toBe(400);
    expect(unsourced.json().error.fields.map((field: { path: string }) => field.path)).toEqual(['body.source']);
    const corrected = { ...entry, classificationCode: '9-99-99-99', announcementBatch: '测试批次', source: '测试来源（更正）：编码 9-99-99-99' };
    expect((await send('bureauJiangsu', 'PUT', `/api/admin/occupations/${id}`, corrected)).statusCode).toBe(403);
    expect((await send('admin', 'PUT', '/api/admin/occupations/999999', corrected)).statusCode).toBe(404);
    expect((await send('admin', 'PUT', `/api/admin/occupations/${id}`, { ...corrected, name: '带岗主播' })).statusCode).toBe(409);
    const updated = await send('admin', 'PUT', `/api/admin/occupations/${id}`, corrected);
    expect(updated.json()).toMatchObject({ id, classificationCode: '9-99-99-99', announcementBatch: '测试批次', source: '测试来源（更正）：编码 9-99-99-99' });
  });

  it('Widespread: a province shows its cities and the flows in and out of it; a campaign narrows every figure', async () => {
    // Every fixture seeker lives in 阜阳 (安徽). 江苏 in January received a1 a2 a3 a7 (苏州) and a4 (南京), all from 安徽.
    const jiangsu = (await get('admin', `/api/analytics?${january}&province=32&minSent=1`)).json();
    expect(jiangsu.regionFlows).toMatchObject({ within: 0, inflows: [{ province: '安徽', provinceCode: '34', applications: 5 }], outflows: [] });
    expect(jiangsu.regionFlows.cities).toHaveLength(13);
    expect(jiangsu.regionFlows.cities.slice(0, 2)).toEqual([
      { city: '苏州', cityCode: '320500', received: 4, sent: 0 },
      { city: '南京', cityCode: '320100', received: 1, sent: 0 },
    ]);
    expect(jiangsu.regionFlows.cities.slice(2).every((city: { received: number; sent: number }) => city.received === 0 && city.sent === 0)).toBe(true);
    // 安徽 sent them, and a5 to 深圳: 6 out, none within or in.
    const anhui = (await get('admin', `/api/analytics?${january}&province=安徽&minSent=1`)).json();
    expect(anhui.regionFlows).toMatchObject({ within: 0, inflows: [], outflows: [{ provinceCode: '32', applications: 5 }, { provinceCode: '44', applications: 1 }] });
    expect(anhui.regionFlows.cities.find((city: { cityCode: string }) => city.cityCode === '341200')).toMatchObject({ received: 0, sent: 6 });
    // The whole country and a city have no province picture.
    expect((await get('admin', `/api/analytics?${january}`)).json().regionFlows).toBeNull();
    expect((await get('admin', `/api/analytics?${january}&city=苏州`)).json().regionFlows).toBeNull();

    // The campaign C1 (S1): a1 a2 a3 a7 applied through it, a1 a2 hired; S1; jA1, jB1 of A and B — the impact figures.
    const campaign = (await get('bureauJiangsu', `/api/analytics?${january}&campaign=${fixture.campaignId}&minSent=1`)).json();
    expect(campaign.totals).toEqual({ applications: 4, sessions: 1, companies: 2, jobs: 2, hires: 2 });
    expect(campaign.regionFlows).toMatchObject({ within: 0, inflows: [{ provinceCode: '34', applications: 4 }] });
    expect(campaign.regionFlows.cities[0]).toEqual({ city: '苏州', cityCode: '320500', received: 4, sent: 0 });
    const impact = (await get('bureauJiangsu', `/api/impact?${january}&campaignId=${fixture.campaignId}`)).json();
    expect(campaign.totals).toEqual({ applications: impact.open.applications, sessions: impact.open.sessions, companies: impact.open.companies, jobs: impact.open.jobs, hires: impact.open.hires });
    // Public: the same narrowing, counts below 10 withheld (never 0 for 4).
    const publicCampaign = (await get('anonymous', `/api/public/analytics?${january}&province=32&campaign=${fixture.campaignId}`)).json();
    expect(publicCampaign.totals.applications).toBeNull();
    expect(publicCampaign.regionFlows.inflows[0]).toMatchObject({ provinceCode: '34', applications: null, suppressed: true });
    expect(JSON.stringify(publicCampaign.regionFlows)).not.toMatch(/"(applications|received|sent|within)":[1-9]\b/);
    expect((await get('admin', `/api/analytics?${january}&campaign=nope`)).statusCode).toBe(400);
  });

  // Last: it adds an onboarding to the fixture (February, after every other test's window).
  it('待回访: an onboarding whose 7-day check is not recorded yet reads awaiting, never a 0 % attrition', async () => {
    const february = 'from=2026-02-01&to=2026-02-28';
    const before = (await get('admin', `/api/impact?${february}`)).json().open.efficiency;
    expect(before).toMatchObject({ sevenDayAttrition: null, awaitingSevenDayCheck: 0 });
    // a7 was hired on 02-02 (the fixture); onboard it on 02-03 with nothing after.
    const [a7] = await harness.context.db.query<{ id: number }>("select id from applications where hired_at = '2026-02-02T10:00:00+08:00'");
    const pipeline = createPipelineService({ db: harness.context.db, events: harness.context.events, notifications: harness.context.notifications, now: () => new Date('2026-02-03T10:00:00+08:00') });
    await pipeline.transition(fixture.users.employerA, a7.id, { type: 'onboard', startDate: '2026-02-03' });
    const after = (await get('admin', `/api/impact?${february}`)).json();
    expect(after.measured.onboarded).toBe(1);
    expect(after.open.efficiency).toMatchObject({ sevenDayAttrition: null, awaitingSevenDayCheck: 1 });
    expect(after.open.definitions.awaitingSevenDayCheck).toMatch(/待回访/);
    // Public: 1 is withheld (and then still not 0 %).
    const publicReport = (await get('anonymous', `/api/public/impact?${february}`)).json();
    expect(publicReport.open.efficiency).toMatchObject({ sevenDayAttrition: null, awaitingSevenDayCheck: null });
    expect(publicReport.suppressed).toContain('open.efficiency.awaitingSevenDayCheck');
  });
});
