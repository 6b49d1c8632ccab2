import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { createHttpServer } from './http.js';

describe('http platform', () => {
  it('refuses to register an /api route that declares no access rule (deny by default)', async () => {
    const app = await createHttpServer(loadConfig({ LOG_LEVEL: 'silent' }), async () => null);
    expect(() => app.get('/api/unguarded', async () => ({ ok: true }))).toThrow(/declares no access rule/);
    await app.close();
  });

  it('never shows a 5xx message to clients', async () => {
    const app = await createHttpServer(loadConfig({ LOG_LEVEL: 'silent' }), async () => null);
    app.get('/api/boom', { config: { access: 'public' } }, async () => {
      throw new Error('database password is hunter2');
    });
    const response = await app.inject({ method: 'GET', url: '/api/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(response.json().error.code).toBe('internal');
    await app.close();
  });
});
