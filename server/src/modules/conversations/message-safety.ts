// What a conversation message may say: the posting rules' fee and discrimination patterns apply to what an
// employer or a host writes (refused with the reason, as for postings); a seeker asking about fees is never
// blocked and gets the platform's tip instead.
import { AppError } from '../../platform/errors.js';
import { findPostingViolations } from '../jobs/index.js';

export const FEE_TIP = {
  zh: '平台提示：正规招聘不收取任何费用。如被要求交押金、培训费、体检费等，请拒绝并举报。',
  en: 'Platform tip: legitimate employers never charge job seekers. If you are asked for a deposit or any fee, refuse and report it.',
};

const FEE_WORDS = /押金|压金|保证金|交钱|缴费|交费|收钱|要钱|花钱|收费|费用|中介费|介绍费|培训费|体检费|服装费|工服费|手续费|报名费|扣钱|扣工资|贷款/;

/** Whether a seeker's message asks about money asked of workers (有押金吗, 要交钱吗, 体检自费吗). */
export function isAboutFees(text: string) {
  const plain = text.normalize('NFKC').replace(/\s+/g, '');
  return FEE_WORDS.test(plain) || findPostingViolations({ body: text }).some((violation) => violation.kind === 'fee');
}

/** Refuses an employer's or host's message that breaks the posting rules, naming the words and the rule. */
export function checkCounterpartMessage(text: string, field = 'body.body') {
  const violations = findPostingViolations({ body: text });
  if (violations.length === 0) return;
  const summary = violations.map((violation) => `「${violation.words.join('」「')}」 ${violation.message}`).join('; ');
  throw new AppError('posting_rejected', `This message cannot be sent / 消息不合规: ${summary}`, {
    violations: violations.map((violation) => ({ ...violation, field })),
    fields: violations.map((violation) => ({ path: field, message: `「${violation.words.join('」「')}」 ${violation.message}` })),
  });
}
