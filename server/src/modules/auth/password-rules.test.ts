import { describe, expect, it } from 'vitest';
import { findPasswordProblem } from './password-rules.js';

describe('password rules', () => {
  it.each(['12345678', 'password', 'Password', 'qwertyuiop', '1qaz2wsx', 'iloveyou', 'password1'])('refuses the common password %s', (password) => {
    expect(findPasswordProblem(password, {})).toMatch(/most common passwords.*密码过于常见/);
  });

  it.each(['aaaaaaaa', '12121212', 'abcabcabc'])('refuses %s, made of too few different characters', (password) => {
    expect(findPasswordProblem(password, {})).toMatch(/too simple/);
  });

  it('refuses a password made of the phone number or the email', () => {
    const account = { phone: '13812345678', email: 'Zhang.Wei@example.test' };
    expect(findPasswordProblem('13812345678', account)).toMatch(/phone number or email.*手机号或邮箱/);
    expect(findPasswordProblem('13812345678!', account)).toMatch(/phone number or email/);
    expect(findPasswordProblem('zhang.wei@example.test', account)).toMatch(/phone number or email/);
    expect(findPasswordProblem('ZHANG.WEI2026', account)).toMatch(/phone number or email/);
  });

  it('lets ordinary passwords through, including ones that merely contain part of the login', () => {
    expect(findPasswordProblem('secret-pass', {})).toBeNull();
    expect(findPasswordProblem('蓝色的海-2026', {})).toBeNull();
    expect(findPasswordProblem('13812345678-walks-the-dog', { phone: '13812345678' })).toBeNull();
    expect(findPasswordProblem('zhang-likes-green-tea', { email: 'zhang@example.test' })).toBeNull();
  });
});
