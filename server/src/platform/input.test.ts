import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.js';
import { hasControlCharacters, multilineText, optionalQueryText, parsePayload, singleLineText } from './input.js';

describe('input (hostile text refused in one place)', () => {
  const title = singleLineText({ min: 1, max: 10 });
  const note = multilineText({ max: 20 });

  it('refuses NUL and other control characters in one-line text, before trimming', () => {
    for (const value of ['a\u0000b', 'ab\u0000', 'a\tb', 'a\nb', 'ab\n', 'a\u0007', 'a\u007F', 'a\u0085', 'a\u202Eb', 'a\uD800']) {
      expect(title.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
    expect(title.parse('  标题 ok ')).toBe('标题 ok');
  });

  it('allows tab and newline in multi-line text only, and nothing else', () => {
    expect(note.parse('line 1\r\n\tline 2')).toBe('line 1\n\tline 2');
    expect(note.safeParse('a\u0000').success).toBe(false);
    expect(note.safeParse('a\u001B[31m').success).toBe(false);
    expect(note.safeParse('x'.repeat(21)).success).toBe(false);
    expect(note.parse('😀 emoji ok')).toBe('😀 emoji ok');
  });

  it('keeps lengths: min means required after trimming', () => {
    expect(title.safeParse('   ').success).toBe(false);
    expect(title.safeParse('x'.repeat(11)).success).toBe(false);
    expect(singleLineText({ min: 8, max: 20, trim: false }).parse(' pass word ')).toBe(' pass word ');
  });

  it('reads a blank query as not given and refuses a NUL in it', () => {
    const query = z.object({ q: optionalQueryText({ max: 5 }) });
    expect(query.parse({ q: '  ' })).toEqual({ q: undefined });
    expect(query.parse({})).toEqual({ q: undefined });
    expect(query.parse({ q: '苏州' })).toEqual({ q: '苏州' });
    expect(query.safeParse({ q: '苏\u0000' }).success).toBe(false);
  });

  it('answers a socket payload with the same 400 naming the field', () => {
    const schema = z.object({ sessionId: z.string(), text: multilineText({ min: 1, max: 200 }) });
    expect(parsePayload(schema, { sessionId: 's', text: 'hi\n' })).toEqual({ sessionId: 's', text: 'hi' });
    try {
      parsePayload(schema, { sessionId: 's', text: 'hi\u0000' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).statusCode).toBe(400);
      expect((error as AppError).details).toMatchObject({ field: 'text', fields: [{ path: 'text', message: expect.stringContaining('控制字符') }] });
    }
  });

  it('tells text from outside zod apart the same way', () => {
    expect(hasControlCharacters('ok')).toBe(false);
    expect(hasControlCharacters('a\nb')).toBe(true);
    expect(hasControlCharacters('a\nb', { multiline: true })).toBe(false);
    expect(hasControlCharacters('a\u0000b', { multiline: true })).toBe(true);
  });
});
