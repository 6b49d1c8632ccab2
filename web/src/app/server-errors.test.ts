import { describe, expect, it } from 'vitest';
import { pickLanguage, toFormFieldErrors } from './server-errors';

describe('pickLanguage', () => {
  it('shows the half of an "English / 中文" message in the reader language', () => {
    const message = 'must be an 11-digit mainland mobile number / 请输入11位手机号';
    expect(pickLanguage(message, 'zh')).toBe('请输入11位手机号');
    expect(pickLanguage(message, 'en')).toBe('must be an 11-digit mainland mobile number');
  });

  it('keeps messages that are not bilingual', () => {
    expect(pickLanguage('Invalid input: expected number', 'zh')).toBe('Invalid input: expected number');
    expect(pickLanguage('a / b / c', 'zh')).toBe('a / b / c');
    expect(pickLanguage('either / or', 'zh')).toBe('either / or');
  });
});

describe('toFormFieldErrors', () => {
  it('puts each server problem on the form field it names', () => {
    const { fieldErrors, unmatched } = toFormFieldErrors(
      [
        { path: 'body.hrLicenceNumber', message: 'HR licence needed / 须填写人力资源服务许可证编号' },
        { path: 'body.desiredCategories.0', message: 'unknown category' },
        { path: 'body.somethingElse', message: 'is odd' },
      ],
      ['hrLicenceNumber', 'desiredCategories', 'name'],
      'zh',
    );
    expect(fieldErrors).toEqual([
      { name: ['hrLicenceNumber'], errors: ['须填写人力资源服务许可证编号'] },
      { name: ['desiredCategories'], errors: ['unknown category'] },
    ]);
    expect(unmatched).toEqual(['somethingElse: is odd']);
  });
});
