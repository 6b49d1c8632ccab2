import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { checkCounterpartMessage, isAboutFees } from './message-safety.js';

describe('conversation message safety', () => {
  it.each(['有押金吗', '要交钱吗？', '体检费要自己出吗', '入职要 交 钱 吗'])('treats the seeker question "%s" as about fees', (text) => {
    expect(isAboutFees(text)).toBe(true);
  });

  it.each(['包住吗', '几点上班', '宿舍几个人一间'])('does not tip on "%s"', (text) => {
    expect(isAboutFees(text)).toBe(false);
  });

  it.each([
    ['入职前先交500元押金', 'fee'],
    ['需要交200培训费', 'fee'],
    ['只招男工', 'gender'],
    ['35岁以下', 'age'],
  ])('refuses the employer message "%s" naming the rule (%s)', (text, kind) => {
    let caught: unknown;
    try {
      checkCounterpartMessage(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('posting_rejected');
    expect((caught as AppError).details.violations).toEqual([expect.objectContaining({ kind, field: 'body.body' })]);
  });

  it.each(['我们不收任何押金，体检费公司报销', '明天上午九点来面试', '无年龄限制'])('lets the honest employer message "%s" through', (text) => {
    expect(() => checkCounterpartMessage(text)).not.toThrow();
  });
});
