import { describe, expect, it } from 'vitest';
import { findUrlProblem, guardedLookup, isInternalAddress } from './webhook-targets.js';

describe('webhook targets: http(s) only; no loopback or private networks unless allowed', () => {
  it('refuses other schemes and credentials whatever the flag', () => {
    for (const allow of [true, false]) {
      expect(findUrlProblem('ftp://example.com/hook', allow)).toMatch(/http/);
      expect(findUrlProblem('javascript:alert(1)', allow)).toMatch(/http/);
      expect(findUrlProblem('file:///etc/passwd', allow)).toMatch(/http/);
      expect(findUrlProblem('not a url', allow)).toMatch(/http/);
      expect(findUrlProblem('https://user:secret@example.com/', allow)).toMatch(/password/);
    }
    expect(findUrlProblem('https://ats.example.com/jobcast', false)).toBeNull();
    expect(findUrlProblem('http://203.0.113.9:8080/hook', false)).toBeNull();
  });

  it('refuses internal addresses and names in production, allows them with WEBHOOK_ALLOW_PRIVATE_TARGETS', () => {
    const internal = [
      'http://127.0.0.1:3000/', 'http://localhost/', 'http://api.localhost/', 'http://10.1.2.3/', 'http://172.20.0.1/', 'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://[fd00::1]/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/', 'http://intranet/', 'http://db.internal/',
    ];
    for (const url of internal) {
      expect(findUrlProblem(url, false), url).toMatch(/public/);
      expect(findUrlProblem(url, true), url).toBeNull();
    }
    expect(isInternalAddress('8.8.8.8')).toBe(false);
    expect(isInternalAddress('2001:4860:4860::8888')).toBe(false);
  });

  it('refuses at connection time a name that resolves to an internal address (DNS rebinding)', async () => {
    const lookup = guardedLookup(false);
    const error = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (caught) => resolve(caught)));
    expect(error?.message).toMatch(/internal address/);
    const allowed = await new Promise<Error | null>((resolve) => guardedLookup(true)('localhost', {}, (caught) => resolve(caught)));
    expect(allowed).toBeNull();
  });
});
