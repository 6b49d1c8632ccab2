import { z } from 'zod';
import { AppError, type FieldProblem } from './errors.js';

/**
 * The one place text from outside (HTTP bodies, queries, params, socket payloads) is checked for hostile
 * characters. PostgreSQL refuses U+0000 (a 500 and, in a batch, other people's rows lost); other control
 * characters break logs, CSV exports and the layout. Every free-text field uses one of these instead of a
 * bare `z.string()`; a refused value is a 400 `validation_failed` whose `fields` name the field.
 *
 * Usage (copy this):
 *
 *   import { multilineText, optionalQueryText, singleLineText } from '../../platform/input.js';
 *   const bodySchema = z.object({
 *     title: singleLineText({ min: 1, max: 80 }),             // trimmed; no control characters at all
 *     note: multilineText({ max: 2000 }).optional(),           // tab and newline allowed (\r\n and \r become \n)
 *     password: singleLineText({ min: 8, max: 200, trim: false }),
 *   });
 *   const querySchema = z.object({ q: optionalQueryText({ max: 100 }) }); // '' or blanks → undefined
 *
 * Socket handlers: `parsePayload(schema, raw)` throws the same AppError (the ack carries `fields`).
 * Emails, phones, ids and enums keep their own strict formats (a regex or `.uuid()` already refuses
 * control characters), but a free-form login or search must go through here.
 */

export {
  CONTROL_CHARACTER_MESSAGE,
  MALFORMED_TEXT_MESSAGE,
  hasControlCharacters,
  multilineText,
  optionalQueryText,
  singleLineText,
} from '../../../contracts/text.js';

/** The fields a zod error names, as the HTTP error body carries them (`body.title`, `sessionId`). */
export function fieldProblems(error: z.ZodError, prefix?: string): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

/** The same 400 as an HTTP route, for socket payloads and other input that is not a route schema. */
export function parsePayload<Schema extends z.ZodType>(schema: Schema, raw: unknown, prefix?: string): z.output<Schema> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = fieldProblems(parsed.error, prefix);
  const message = fields.map((field) => (field.path ? `${field.path}: ${field.message}` : field.message)).join('; ');
  throw new AppError('validation_failed', message || 'is invalid', { fields, field: fields[0]?.path });
}
