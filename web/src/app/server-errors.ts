import type { FieldProblem } from './api';

export type Language = 'zh' | 'en';

const HAN = /[\u4e00-\u9fff]/;

/**
 * Server messages are written "English / 中文". Shows the half in the reader's language, or the whole
 * message when it does not have exactly that shape.
 */
export function pickLanguage(message: string, language: Language): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  const [first, second] = parts as [string, string];
  const chineseFirst = HAN.test(first) && !HAN.test(second);
  const chinese = chineseFirst ? first : second;
  const english = chineseFirst ? second : first;
  if (!HAN.test(chinese)) return message;
  return language === 'zh' ? chinese : english;
}

export type FormFieldError = { name: string[]; errors: string[] };

/**
 * Maps the server's field paths (`body.hrLicenceNumber`, `body.desiredCategories.0`) onto the form's
 * field names. Problems that match no field come back in `unmatched`, to be shown above the form.
 */
export function toFormFieldErrors(fields: FieldProblem[], formFieldNames: readonly string[], language: Language) {
  const byName = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const field of fields) {
    const segments = field.path.split('.').filter((segment) => segment !== 'body' && segment !== 'query' && segment !== 'params');
    const name = segments.find((segment) => formFieldNames.includes(segment));
    const message = pickLanguage(field.message, language);
    if (!name) {
      unmatched.push(segments.length ? `${segments.join('.')}: ${message}` : message);
      continue;
    }
    byName.set(name, [...(byName.get(name) ?? []), message]);
  }
  const fieldErrors: FormFieldError[] = [...byName].map(([name, errors]) => ({ name: [name], errors }));
  return { fieldErrors, unmatched };
}
