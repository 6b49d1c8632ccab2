// What a posting may not say (网络招聘服务管理规定 2021; 就业促进法): no deposits or fees from workers,
// no limits by age, gender, 户籍 or region. A table that grows: add a row, add a test.

export type PostingRuleKind = 'fee' | 'age' | 'gender' | 'hukou' | 'region';

export type PostingRule = { kind: PostingRuleKind; pattern: RegExp };

export const POSTING_RULE_MESSAGES: Record<PostingRuleKind, string> = {
  fee: 'must not ask workers for deposits or fees / 不得向劳动者收取押金或任何费用',
  age: 'must not limit age / 不得设置年龄限制',
  gender: 'must not limit gender / 不得设置性别限制',
  hukou: 'must not limit 户籍 (household registration) / 不得设置户籍限制',
  region: 'must not limit where workers come from / 不得设置地域限制',
};

export const POSTING_RULES: PostingRule[] = [
  { kind: 'fee', pattern: /押金|保证金|中介费|介绍费|报名费|培训贷|招转培|入职费|服装押金|工牌押金/g },
  { kind: 'fee', pattern: /(?:收取?|交纳?|缴纳?|自付|自费|先交|需交|需缴)[^，。；,.;\s]{0,4}(?:体检费|培训费|服装费|工装费|办卡费|资料费|管理费)/g },
  { kind: 'age', pattern: /\d{2}\s*(?:-|—|–|~|～|至|到)\s*\d{2}\s*周?岁/g },
  { kind: 'age', pattern: /\d{2}\s*周?岁\s*(?:以下|以上|以内|之间)/g },
  { kind: 'age', pattern: /年龄(?:要求|限制|不超过|不得超过|在)|限年龄|超龄勿扰/g },
  { kind: 'gender', pattern: /限男|限女|仅限男|仅限女|只招男|只招女|只要男|只要女|男性优先|女性优先|男士优先|女士优先|要求男性|要求女性|不招女|不招男/g },
  { kind: 'hukou', pattern: /本地户口|本地户籍|户籍要求|户籍限制|限户籍|非农户口|城镇户口|农村户口勿扰/g },
  { kind: 'region', pattern: /不招[\u4e00-\u9fa5]{1,4}人|不要[\u4e00-\u9fa5]{1,3}人|限本地人|只招本地人|本地人优先|外地人勿扰|地域限制/g },
];

export type PostingViolation = { field: string; kind: PostingRuleKind; words: string[]; message: string };

/** Every offending phrase in every field, grouped by field and rule kind. */
export function findPostingViolations(fields: Record<string, string | null | undefined>, rules: PostingRule[] = POSTING_RULES): PostingViolation[] {
  const violations: PostingViolation[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const wordsByKind = new Map<PostingRuleKind, Set<string>>();
    for (const rule of rules) {
      for (const match of text.matchAll(rule.pattern)) {
        const words = wordsByKind.get(rule.kind) ?? new Set<string>();
        words.add(match[0]);
        wordsByKind.set(rule.kind, words);
      }
    }
    for (const [kind, words] of wordsByKind) {
      violations.push({ field, kind, words: [...words], message: POSTING_RULE_MESSAGES[kind] });
    }
  }
  return violations;
}
