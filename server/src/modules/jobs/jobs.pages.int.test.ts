import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { createTestContext } from '../../test/harness.js';
import { signIn } from '../../test/http-helpers.js';

// A built web app of our own: the server fills its #root for the job list and a job page.
const dist = mkdtempSync(path.join(os.tmpdir(), 'jobcast-job-pages-'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>Jobcast 直播带岗</title><script type="module" src="/assets/index-1.js"></script></head><body><div id="root"></div></body></html>');

describe('the job list and a job page arrive with their content in the first answer', () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  let app: Awaited<ReturnType<typeof createApp>>;
  beforeAll(async () => {
    context = await createTestContext();
    app = await createApp(context, { webDistDir: dist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await context.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('lists the open jobs in / and shows a job in /jobs/:id, escaped, without any inline script', async () => {
    const { employer } = await buildCompany(context);
    const job = await buildJob(context, employer, { title: '电子厂普工 <b>夜班</b> & "包住"', requirements: '能上夜班\n吃苦耐劳' });
    const other = await buildJob(context, employer, { title: '仓库分拣员' });

    const list = await app.inject({ url: '/' });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toMatch(/text\/html/);
    expect(list.headers['cache-control']).toBe('no-cache');
    expect(list.body).toContain('电子厂普工 &lt;b&gt;夜班&lt;/b&gt; &amp; &quot;包住&quot;');
    expect(list.body).toContain('仓库分拣员');
    expect(list.body).toContain(`href="/jobs/${job.id}"`);
    expect(list.body).not.toContain('<b>夜班</b>');
    // The one script is the app's own (the CSP allows no inline script).
    expect(list.body.match(/<script/g)).toHaveLength(1);

    const page = await app.inject({ url: `/jobs/${other.id}` });
    expect(page.body).toContain('<h1 class="job-detail-title">仓库分拣员</h1>');
    expect(page.body).toContain('<title>仓库分拣员 · Jobcast 直播带岗</title>');
    expect(page.body).not.toContain('电子厂普工');

    const filtered = await app.inject({ url: `/?q=${encodeURIComponent('仓库')}` });
    expect(filtered.body).toContain('仓库分拣员');
    expect(filtered.body).not.toContain('电子厂普工');
  });

  it('sends the plain app for other pages and for a job that does not exist', async () => {
    for (const url of ['/live?tab=replay', '/jobs/00000000-0000-4000-8000-000000000000', '/jobs/not-a-job']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root"></div>');
    }
  });

  it('never puts the visitor\'s own data in the HTML: a signed-in seeker gets what everyone gets', async () => {
    const { employer } = await buildCompany(context);
    const job = await buildJob(context, employer, { title: '保安（包吃住）' });
    const seeker = await buildUser(context, { role: 'seeker', phone: '13912345678', displayName: '王秘密' });
    const cookies = await signIn(app, seeker.email!);
    for (const url of ['/', `/jobs/${job.id}`]) {
      const anonymous = await app.inject({ url });
      const signedIn = await app.inject({ url, cookies });
      expect(signedIn.body, url).toBe(anonymous.body);
      expect(signedIn.body, url).toContain('保安（包吃住）');
      for (const personal of ['13912345678', '王秘密', seeker.email!, seeker.id]) expect(signedIn.body, url).not.toContain(personal);
      expect(signedIn.headers['cache-control'], url).toBe('no-cache');
    }
  });
});
