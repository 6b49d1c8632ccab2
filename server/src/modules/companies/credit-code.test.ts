import { describe, expect, it } from 'vitest';
import { buildCreditCode, computeCreditCodeCheckCharacter, explainInvalidCreditCode } from './credit-code.js';

describe('统一社会信用代码 checksum', () => {
  // Published codes of well-known companies (public registry data).
  it.each(['91350100M000100Y43', '91110000802100433B', '91440300708461136T'])('accepts %s', (code) => {
    expect(explainInvalidCreditCode(code)).toBeNull();
  });

  it('names a wrong check character and the expected one', () => {
    expect(explainInvalidCreditCode('91350100M000100Y44')).toMatch(/expected 3/);
  });

  it('refuses a wrong length and characters outside the alphabet', () => {
    expect(explainInvalidCreditCode('9135010')).toMatch(/18 characters/);
    expect(explainInvalidCreditCode('91350100M000100I43')).toMatch(/position 16/);
  });

  it('builds valid codes', () => {
    const code = buildCreditCode('91320500123456789');
    expect(code).toHaveLength(18);
    expect(code[17]).toBe(computeCreditCodeCheckCharacter('91320500123456789'));
    expect(explainInvalidCreditCode(code)).toBeNull();
  });
});
