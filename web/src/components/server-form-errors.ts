import type { FormInstance } from 'antd';
import { ApiError } from '../app/api';
import { currentLanguage } from '../app/i18n';
import { pickLanguage, toFormFieldErrors } from '../app/server-errors';

/**
 * Shows a failed submission's field problems on the form's fields and returns what is left to show
 * above the form (null when every problem sits on a field).
 */
export function applyServerErrors(form: FormInstance, error: unknown, formFieldNames: readonly string[]): string | null {
  const language = currentLanguage();
  if (!(error instanceof ApiError)) return pickLanguage((error as Error).message ?? String(error), language);
  const { fieldErrors, unmatched } = toFormFieldErrors(error.fields, formFieldNames, language);
  if (fieldErrors.length > 0) {
    form.setFields(fieldErrors);
    form.scrollToField(fieldErrors[0]!.name, { block: 'center' });
  }
  if (unmatched.length > 0) return unmatched.join('; ');
  return fieldErrors.length > 0 ? null : pickLanguage(error.message, language);
}
