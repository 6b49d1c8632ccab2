import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { buildUser } from '../../test/factories.js';

const HEADER = 'applied_at,seeker_city,job_city,job_category,industry';
const csv = (...lines: string[]) => Readable.from([Buffer.from(`${lines.join('\n')}\n`)]);

describe('jobcast import applications (all-or-nothing CSV)', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(async () => context.drop());

  const counts = async () => {
    const [row] = await context.db.query<{ applications: number; imports: number; rollups: number }>(`select
      (select count(*) from applications) as applications,
      (select count(*) from application_imports) as imports,
      (select count(*) from application_category_rollups) as rollups`);
    return row;
  };

  it('accepts cities by code, short and full name, categories by code or name, industries by letter or name', async () => {
    const result = await context.analytics.importApplications(
      csv(
        `\uFEFF${HEADER},company,job_title`,
        '2022-08-01T00:00:00,340100,苏州,general_worker,C,"立讯精密工业股份有限公司, 昆山",电子厂普工',
        '2022-08-01,合肥市,苏州市,普工,制造业,,',
        '2022-07-31T16:00:00Z,合肥,320500,普工,c,,',
        '2022-09-15T12:00:00+08:00,阜阳,上海市,司机,交通运输、仓储和邮政业,顺丰,',
      ),
      { fileName: 'fair.csv' },
    );
    expect(result).toMatchObject({ rows: 4, firstAppliedAt: '2022-07-31T16:00:00.000Z', lastAppliedAt: '2022-09-15T04:00:00.000Z' });
    const rows = await context.db.query<{ source: string; seeker_city_code: string; job_city_code: string; category_code: string; industry_code: string; imported_company_name: string | null; imported_job_title: string | null; import_id: number }>(
      'select source, seeker_city_code, job_city_code, category_code, industry_code, imported_company_name, imported_job_title, import_id from applications order by id',
    );
    expect(rows.map((row) => [row.source, row.seeker_city_code, row.job_city_code, row.category_code, row.industry_code])).toEqual([
      ['import', '340100', '320500', 'general_worker', 'C'],
      ['import', '340100', '320500', 'general_worker', 'C'],
      ['import', '340100', '320500', 'general_worker', 'C'],
      ['import', '341200', '310000', 'driver', 'G'],
    ]);
    expect(rows[0].imported_company_name).toBe('立讯精密工业股份有限公司, 昆山');
    expect(rows[0].imported_job_title).toBe('电子厂普工');
    expect(rows[1].imported_company_name).toBeNull();
    expect(rows.every((row) => row.import_id === result.importId)).toBe(true);

    // Imported rows count in the figures like any other application.
    const august = await context.analytics.getFigures({ from: '2022-08-01', to: '2022-08-31', minSent: 1 });
    expect(august.totals.applications).toBe(3);
    expect(august.attractiveness).toEqual([{ city: '合肥', cityCode: '340100', received: 0, sent: 3, index: 0 }]);
    expect(august.topCitiesByCategory).toEqual([{ category: '普工', cities: [{ city: '苏州', cityCode: '320500', applications: 3 }] }]);
  });

  it('rejects the whole file on one bad row, naming the row, line, column and reason', async () => {
    const before = await counts();
    const attempt = context.analytics.importApplications(csv(
      HEADER,
      '2022-10-01T09:00:00,合肥,苏州,普工,C',
      '2022-10-01T09:00:00,合肥,苏州,普工,C',
      '2022-10-01T09:00:00,合肥,火星城,普工,C',
      '2022-10-01T09:00:00,合肥,苏州,普工,C',
    ));
    await expect(attempt).rejects.toThrow(/row 3 \(line 4\), column job_city: unknown city "火星城"/);
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed', details: { row: 3, line: 4 } });
    expect(await counts()).toEqual(before);
  });

  it('rejects bad dates, missing values, unknown categories and industries, after thousands of good rows', async () => {
    const before = await counts();
    const good = Array.from({ length: 12_000 }, () => '2022-10-02T09:00:00,北京,天津,技工,C');
    const cases: Array<[string, RegExp]> = [
      ['2022-13-01T09:00:00,北京,天津,技工,C', /row 12001 \(line 12002\), column applied_at: "2022-13-01T09:00:00" is not a calendar date/],
      ['2022-10-02T09:00:00,北京,天津,,C', /row 12001 \(line 12002\), column job_category: missing value/],
      ['2022-10-02T09:00:00,北京,天津,宇航员,C', /column job_category: unknown job category "宇航员"/],
      ['2022-10-02T09:00:00,北京,天津,技工,Z', /column industry: unknown industry "Z"/],
      ['2022-10-02T09:00:00,北京,天津,技工', /row 12001 \(line 12002\): the CSV is malformed/],
    ];
    for (const [bad, message] of cases) {
      await expect(context.analytics.importApplications(csv(HEADER, ...good, bad))).rejects.toThrow(message);
    }
    expect(await counts()).toEqual(before);
  });

  it('says a file saved in GBK (Excel\'s default for Chinese) is not UTF-8, rather than "unknown city"', async () => {
    const before = await counts();
    // 阜阳 in GBK is b8 b7 d1 f4.
    const gbk = Buffer.concat([Buffer.from(`${HEADER}\n2022-10-01,`), Buffer.from([0xb8, 0xb7, 0xd1, 0xf4]), Buffer.from(',苏州,普工,C\n')]);
    await expect(context.analytics.importApplications(Readable.from([gbk]))).rejects.toThrow(/row 1 \(line 2\): the file is not UTF-8 text \(GBK\?\)/);
    expect(await counts()).toEqual(before);
  });

  it('checks the header and session ids, and refuses a file it has already imported', async () => {
    await expect(context.analytics.importApplications(csv('applied_at,seeker_city,job_city,category,industry', '2022-10-01,合肥,苏州,普工,C')))
      .rejects.toThrow(/header: missing column\(s\) job_category; unknown column\(s\) category/);
    await expect(context.analytics.importApplications(csv(HEADER))).rejects.toThrow(/no data rows/);

    const host = await buildUser(context, { role: 'host' });
    const [session] = await context.db.query<{ id: string }>(
      `insert into live_sessions (title, host_user_id, starts_at, status) values ('春风行动专场', $1, '2022-10-01T10:00:00+08:00', 'ended') returning id`,
      [host.id],
    );
    const unknownSession = '00000000-0000-4000-8000-000000000000';
    const before = await counts();
    await expect(context.analytics.importApplications(csv(`${HEADER},session_id`, `2022-10-01,合肥,苏州,普工,C,${session.id}`, `2022-10-01,合肥,苏州,普工,C,${unknownSession}`)))
      .rejects.toThrow(/row 2 \(line 3\), column session_id: no live session/);
    await expect(context.analytics.importApplications(csv(`${HEADER},session_id`, '2022-10-01,合肥,苏州,普工,C,not-a-uuid')))
      .rejects.toThrow(/row 1 \(line 2\), column session_id: "not-a-uuid" is not a session id/);
    expect(await counts()).toEqual(before);

    const file = [`${HEADER},session_id`, `2022-10-01,合肥,苏州,普工,C,${session.id}`];
    await context.analytics.importApplications(csv(...file));
    await expect(context.analytics.importApplications(csv(...file))).rejects.toMatchObject({ code: 'conflict' });
    const [linked] = await context.db.query<{ count: number }>('select count(*) as count from applications where session_id = $1', [session.id]);
    expect(linked.count).toBe(1);
  });
});
