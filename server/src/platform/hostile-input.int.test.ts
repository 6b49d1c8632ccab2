import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBureau } from '../test/campaign-factories.js';
import { buildCompany, buildUser } from '../test/factories.js';
import { createTestApp } from '../test/harness.js';
import { buildSeeker, signIn } from '../test/pipeline-factories.js';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] };
type Operation = { parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };

/** Some 800 requests a variant: minutes on a busy PostgreSQL machine. */
const SWEEP_TIMEOUT_MS = 600_000;
const HUGE = 'x'.repeat(100_000);
/** A value of each hostile kind for a field of the given schema. */
const VARIANTS = {
  'NUL and control characters': (schema: JsonSchema) => (isType(schema, 'string') ? 'a\u0000b\u0007c\u001b' : isType(schema, 'array') ? ['a\u0000b'] : 'a\u0000b'),
  'a 100,000-character string': () => HUGE,
  'wrong types': (schema: JsonSchema) => (isType(schema, 'string') ? { nested: ['\u0000'] } : 'not-a-number\u0000'),
  'a lone surrogate and bidi overrides': () => '\uD800 \u202Egnp.exe',
} as const;

function isType(schema: JsonSchema, type: string): boolean {
  if (schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type))) return true;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some((option) => isType(option, type));
}

function hostileBody(schema: JsonSchema | undefined, value: (schema: JsonSchema) => unknown): Record<string, unknown> {
  const properties = schema?.properties ?? Object.assign({}, ...[...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])].map((option) => option.properties ?? {}));
  return Object.fromEntries(Object.entries(properties as Record<string, JsonSchema>).map(([name, property]) => [name, value(property)]));
}

/**
 * The input sweep: every route of the OpenAPI document, as every role and as nobody, with each kind of
 * hostile value in every body field, query parameter and path parameter, and with a 3 MB body. The answer
 * is always a 4xx (or a 2xx where a value is harmless), never a 5xx.
 */
describe('hostile input on every route', { timeout: SWEEP_TIMEOUT_MS }, () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  const cookies: Array<[string, Record<string, string> | undefined]> = [];
  let operations: Array<{ method: string; path: string; operation: Operation; roles: Array<[string, Record<string, string> | undefined]> }> = [];

  beforeAll(async () => {
    harness = await createTestApp();
    const { context, app } = harness;
    const employer = (await buildCompany(context)).employer;
    const users = { admin: await buildUser(context, { role: 'admin' }), bureau: await buildBureau(context, '32'), employer, host: await buildUser(context, { role: 'host' }), seeker: await buildSeeker(context) };
    for (const [role, user] of Object.entries(users)) cookies.push([role, await signIn(app, user.email ?? user.phone!)]);
    cookies.push(['anonymous', undefined]);
    const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation, roles: [] as Array<[string, Record<string, string> | undefined]> })),
    ).filter(({ path }) => path !== '/api/auth/sign-out' && !path.startsWith('/docs'));
    // Access is checked before input, so a role the route refuses (401/403) tests nothing: each route is
    // walked as the roles that get past its access check.
    for (const entry of operations) {
      for (const [role, cookie] of cookies) {
        const url = entry.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const probe = await app.inject({ method: entry.method as 'GET', url, cookies: cookie, ...(entry.operation.requestBody ? { payload: {} } : {}) });
        if (probe.statusCode !== 401 && probe.statusCode !== 403) entry.roles.push([role, cookie]);
      }
    }
  }, SWEEP_TIMEOUT_MS);
  afterAll(async () => harness.close());

  it('finds the routes to walk', () => {
    expect(operations.length).toBeGreaterThan(60);
    expect(operations.every((entry) => entry.roles.length > 0)).toBe(true);
  });

  /** Rows per table: a refused request must not have stored anything on its way to the refusal. */
  async function rowCounts(): Promise<Record<string, string>> {
    const tables = await harness.context.db.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1");
    const [row] = await harness.context.db.query<Record<string, string>>(`select ${tables.map(({ name }) => `(select count(*) from "${name}")::text as "${name}"`).join(', ')}`);
    return row;
  }

  it.each(Object.keys(VARIANTS) as Array<keyof typeof VARIANTS>)('answers %s in every field with 4xx, never 5xx', async (variant) => {
    const value = VARIANTS[variant];
    const isHostileText = variant === 'NUL and control characters' || variant === 'a lone surrogate and bidi overrides';
    const countsBefore = isHostileText ? await rowCounts() : null;
    const failures: string[] = [];
    const accepted: string[] = [];
    let refusedNamingField = 0;
    for (const { method, path, operation, roles } of operations) {
      const query = Object.fromEntries((operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => [parameter.name, String(value(parameter.schema ?? {}))]));
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      for (const withHostileParams of [false, true]) {
        const url = path.replace(/\{[^}]+\}/g, withHostileParams ? encodeURIComponent('a\u0000b') : '00000000-0000-4000-8000-000000000000');
        for (const [role, cookie] of roles) {
          const response = await harness.app.inject({
            method: method as 'GET',
            url,
            query,
            cookies: cookie,
            ...(bodySchema ? { payload: hostileBody(bodySchema, value) } : {}),
          });
          if (response.statusCode >= 500) failures.push(`${method} ${path} as ${role}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          if (response.statusCode < 300 && (bodySchema || Object.keys(query).length || (withHostileParams && path.includes('{')))) accepted.push(`${method} ${url} as ${role}`);
          if (response.statusCode === 400 && response.json().error?.fields?.length) refusedNamingField += 1;
        }
      }
    }
    expect(failures).toEqual([]);
    // The sweep reaches validation (a sweep stopped at 401/404 would prove nothing).
    expect(refusedNamingField).toBeGreaterThan(80);
    // Hostile text is never taken in: no route answers 2xx to it in a body, query or path (nothing stored).
    if (isHostileText) {
      expect(accepted).toEqual([]);
      // …and no refused request left a row behind, in any table.
      expect(await rowCounts()).toEqual(countsBefore);
    }
  }, SWEEP_TIMEOUT_MS);

  it('refuses a 3 MB body on every route that takes one with 413, never 5xx', async () => {
    const failures: string[] = [];
    const big = JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) });
    for (const { method, path, roles } of operations.filter((entry) => entry.operation.requestBody)) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const [role, cookie] of roles) {
        const response = await harness.app.inject({ method: method as 'POST', url, cookies: cookie, payload: big, headers: { 'content-type': 'application/json' } });
        if (response.statusCode >= 500 || (response.statusCode < 400)) failures.push(`${method} ${path} as ${role}: ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  }, SWEEP_TIMEOUT_MS);
});
