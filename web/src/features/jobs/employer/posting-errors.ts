import type { FormFieldError } from '../../../app/server-errors';
import type { PostingViolation } from '../types';

/**
 * A `posting_rejected` answer as messages on the offending fields: 「押金」不得向劳动者收取押金或任何费用.
 * `describe(kind)` gives the rule in the reader's language.
 */
export function violationFieldErrors(violations: readonly PostingViolation[], describe: (kind: PostingViolation['kind']) => string, language: 'zh' | 'en'): FormFieldError[] {
  const byField = new Map<string, string[]>();
  for (const violation of violations) {
    const words = violation.words.map((word) => `「${word}」`).join('');
    const message = language === 'zh' ? `${words}${describe(violation.kind)}` : `${words} ${describe(violation.kind)}`;
    byField.set(violation.field, [...(byField.get(violation.field) ?? []), message]);
  }
  return [...byField].map(([field, errors]) => ({ name: [field], errors }));
}

export function isPostingViolationList(value: unknown): value is PostingViolation[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && typeof item.field === 'string' && Array.isArray(item.words));
}
