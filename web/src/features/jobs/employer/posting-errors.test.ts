import { describe, expect, it } from 'vitest';
import { isPostingViolationList, violationFieldErrors } from './posting-errors';

const describeKind = (kind: string) => ({ fee: '不得向劳动者收取押金或任何费用', age: '不得设置年龄限制' })[kind] ?? kind;

describe('posting violations on the form', () => {
  it('names the offending words on each field', () => {
    const errors = violationFieldErrors(
      [
        { field: 'requirements', kind: 'fee', words: ['押金', '服装押金'], message: '' },
        { field: 'requirements', kind: 'age', words: ['18-45岁'], message: '' },
        { field: 'title', kind: 'fee', words: ['报名费'], message: '' },
      ],
      describeKind,
      'zh',
    );
    expect(errors).toEqual([
      { name: ['requirements'], errors: ['「押金」「服装押金」不得向劳动者收取押金或任何费用', '「18-45岁」不得设置年龄限制'] },
      { name: ['title'], errors: ['「报名费」不得向劳动者收取押金或任何费用'] },
    ]);
  });

  it('recognises the violations list of a posting_rejected answer', () => {
    expect(isPostingViolationList([{ field: 'requirements', kind: 'fee', words: ['押金'], message: 'x' }])).toBe(true);
    expect(isPostingViolationList(undefined)).toBe(false);
    expect(isPostingViolationList([{ path: 'body.title' }])).toBe(false);
  });
});
