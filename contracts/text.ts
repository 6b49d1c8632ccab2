import { z } from 'zod';

/**
 * The text schemas every free-text field uses, on the server (bodies, queries, socket payloads) and in the
 * contracts shared with the web app: hostile characters refused, lengths limited, messages in English and
 * Chinese. PostgreSQL refuses U+0000 (a 500 and, in a batch, other people's rows lost); other control
 * characters break logs, CSV exports and the layout. The server's `platform/input.ts` re-exports these and
 * adds `parsePayload` (the 400 naming the field); see its comment for how to use them.
 */

/** C0 controls (tab, newline, NUL …), DEL and the C1 controls; bidi overrides that can disguise text. */
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_EXCEPT_TAB_NEWLINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** A UTF-16 half without its partner: JSON allows "\ud800", text storage turns it into U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters / 不能包含控制字符';
export const MALFORMED_TEXT_MESSAGE = 'must be well-formed text / 文本编码无效';

type TextOptions = {
  /** Shortest allowed length after trimming (0 by default; 1 means "required"). */
  min?: number;
  max: number;
  /** Trim surrounding whitespace (default true; passwords pass false). */
  trim?: boolean;
};

function lengthMessages(min: number, max: number) {
  return {
    min: min <= 1 ? 'is required / 必填' : `must be at least ${min} characters / 至少${min}个字符`,
    max: `must be at most ${max} characters / 最多${max}个字符`,
  };
}

function textSchema(forbidden: RegExp, options: TextOptions) {
  const min = options.min ?? 0;
  const messages = lengthMessages(min, options.max);
  // Checked before trimming, so a trailing NUL or newline is refused, not silently cut off.
  const base = z
    .string()
    .refine((value) => !LONE_SURROGATE.test(value), MALFORMED_TEXT_MESSAGE)
    .refine((value) => !forbidden.test(value), CONTROL_CHARACTER_MESSAGE);
  const normalised = base.transform((value) => {
    const text = forbidden === CONTROL_CHARACTERS ? value : value.replace(/\r\n?/g, '\n');
    return options.trim === false ? text : text.trim();
  });
  return normalised.pipe(z.string().min(min, messages.min).max(options.max, messages.max));
}

/** One line of text: a name, title, login, reason. No control characters at all (no tab, no newline). */
export function singleLineText(options: TextOptions) {
  return textSchema(CONTROL_CHARACTERS, options);
}

/** Text with paragraphs: a description, a note, a chat message. Tab and newline allowed, nothing else. */
export function multilineText(options: TextOptions) {
  return textSchema(CONTROL_EXCEPT_TAB_NEWLINE, { min: 0, ...options });
}

/** An optional search or filter in a query string: blank means "not given". */
export function optionalQueryText(options: { max: number }) {
  return z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))
    .pipe(singleLineText({ min: 1, max: options.max }).optional());
}

/** True when the text holds a character these schemas refuse (for text that does not come through zod). */
export function hasControlCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  return LONE_SURROGATE.test(text) || (options.multiline ? CONTROL_EXCEPT_TAB_NEWLINE : CONTROL_CHARACTERS).test(text);
}
