import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob } from '../../server/src/test/factories.js';
import { createTestContext, type TestContext } from '../../server/src/test/harness.js';
import { runProgram, type CliIo } from '../program.js';

describe('jobcast user create', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(async () => {
    await context?.drop();
  });

  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { out: (text) => { stdout += text; }, err: (text) => { stderr += text; }, cwd: process.cwd(), progress: () => undefined };
    const exitCode = await runProgram(argv, io, (work) => work(context));
    return { exitCode, stdout, stderr };
  };

  it('adds a second member to a company (by credit code or id), who then manages its jobs', async () => {
    const { company, employer } = await buildCompany(context, { name: '苏州和卓电子科技有限公司' });
    const job = await buildJob(context, employer);
    const byCode = await run(['user', 'create', '--role', 'employer', '--email', 'hr2@example.test', '--password', 'secret-pass-1', '--company', company.creditCode.toLowerCase()]);
    expect(byCode.stderr).toBe('');
    expect(byCode.exitCode).toBe(0);
    expect(byCode.stdout).toContain('member of 苏州和卓电子科技有限公司 (verified)');
    const { user } = await context.auth.signIn('hr2@example.test', 'secret-pass-1');
    expect(user.companyId).toBe(company.id);
    await expect(context.jobs.setJobStatus(user, job.id, 'closed')).resolves.toMatchObject({ status: 'closed' });

    const byId = await run(['user', 'create', '--role', 'employer', '--email', 'hr3@example.test', '--password', 'secret-pass-1', '--company', company.id]);
    expect(byId.exitCode).toBe(0);
  });

  it('names a wrong --company or role, and creates nothing', async () => {
    const unknown = await run(['user', 'create', '--role', 'employer', '--email', 'nobody@example.test', '--company', '91320500MA00000000']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('--company "91320500MA00000000" is not a company id or a registered credit code');
    const wrongRole = await run(['user', 'create', '--role', 'seeker', '--email', 'nobody@example.test', '--company', '91320500MA00000000']);
    expect(wrongRole.exitCode).toBe(1);
    expect(wrongRole.stderr).toContain('--company is for employer accounts');
    const rows = await context.db.query("select 1 from users where email = 'nobody@example.test'");
    expect(rows).toEqual([]);
  });
});
