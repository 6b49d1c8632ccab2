// What a posting may not say (网络招聘服务管理规定 2021; 就业促进法; 妇女权益保障法 on marriage and
// childbearing): no deposits or fees from workers, no limits by age, gender, 户籍, region, marriage and
// childbearing, or ethnicity (民族), in Chinese or in English. A table that grows: add a row, add a test (posting-rules.test.ts
// holds the evasions real posters write and the honest sentences that must stay allowed).

export type PostingRuleKind = 'fee' | 'age' | 'gender' | 'hukou' | 'region' | 'marital' | 'ethnicity';

/** The words around a match, within its clause (up to the nearest ，。；！？ or line break). */
export type MatchContext = { word: string; before: string; after: string };

export type PostingRule = {
  kind: PostingRuleKind;
  pattern: RegExp;
  /** An honest use of the words: 不收押金, 无年龄限制, 体检费公司报销, 18周岁以上. */
  isExcused?: (context: MatchContext) => boolean;
};

export const POSTING_RULE_MESSAGES: Record<PostingRuleKind, string> = {
  fee: 'must not ask workers for deposits or fees / 不得向劳动者收取押金或任何费用',
  age: 'must not limit age / 不得设置年龄限制',
  gender: 'must not limit gender / 不得设置性别限制',
  hukou: 'must not limit 户籍 (household registration) / 不得设置户籍限制',
  region: 'must not limit where workers come from / 不得设置地域限制',
  marital: 'must not set conditions on marriage or childbearing / 不得设置婚育限制',
  ethnicity: 'must not limit ethnicity / 不得设置民族限制',
};

const CJK = '[\\u4e00-\\u9fa5]';
const PROVINCES = '北京|天津|河北|山西|内蒙古?|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆';
/** Money asked of the worker whatever it is called; never excused by "refunded later". */
const DEPOSITS = '押金|压金|保证金|抵押金|中介费|介绍费|报名费|入职费|信息费|建档费|培训贷|招转培|学费';
/** Costs an employer may pay for ("体检费公司报销"), but a worker must not be charged. */
const COSTS = '体检费|培训费|服装费|工服费|工装费|工衣费|制服费|办卡费|资料费|(?<!物业)管理费|服务费|代办费|手续费';

/** 不收押金, 无需缴纳任何押金, 谨防收取押金的黑中介, 不收取体检费、培训费 — the negation governs the fee words. */
const NEGATED_FEE = new RegExp(
  `(?:不|无|免|零|拒绝|拒|没有|严禁|禁止|杜绝|谨防|警惕|防止|举报)(?:需要|需|须|用|要|得|会|必)?(?:向${CJK}{1,5})?` +
    `(?:收取|收|交纳|缴纳|交|缴|支付|付|产生|存在|有|任何|额外|其他|其它|一切)*(?:(?:${DEPOSITS}|${COSTS})[、和及与或]?)*$`,
);
/** …but not "不交押金不能入职": a condition that makes the fee compulsory. */
const CONDITION = /^.{0,8}?(?:不(?:能|得|予|可|让|准|给)|否则|才(?:能|可|给|让|安排)|方(?:可|能))/;
const PAID_BY_EMPLOYER = /(?:公司|厂里|厂方|单位|企业|我司|老板|平台)(?:全额|全部|统一)?(?:承担|报销|负责|出|支付|买单)|报销|实报实销|全免/;
/** 无年龄限制, 没有户籍要求, 不设地域限制, 无需本地户口: a negation right before the words. */
const NEGATED_LABEL = /(?:无|没有|没|不设|不作|不做|无需|无须|不需要?|不要求|不用|不限)$/;

const isNegatedFee = ({ before, after }: MatchContext) => NEGATED_FEE.test(before) && !CONDITION.test(after);
const isNegatedLabel = ({ before }: MatchContext) => NEGATED_LABEL.test(before);

/** 16 (the legal working age) and 18 (adulthood) as a floor are lawful: 18周岁以上, 年龄16以上, 16岁以下勿扰. */
function isLawfulMinimumAge({ word, after }: MatchContext) {
  const numbers = word.match(/\d+/g) ?? [];
  if (numbers.length === 0 || numbers.some((number) => number !== '16' && number !== '18')) return false;
  const hasUpperBound = /以下|以内|之间|不超过|小于|低于|不高于|[-—–~～至到]/.test(word);
  return !hasUpperBound || /^(?:不招|不予录用|勿扰|谢绝|禁止|除外)/.test(after);
}

/** English: "no deposit", "we never charge fees", "no age limit", "without any hukou requirement". */
const EN_NEGATED = /\b(?:no|never|without|zero|not|nor|free of|don't|doesn't|do not|does not|won't)\b[\w\s'-]{0,24}$/i;
const EN_NONE_AFTER = /^\s*[:：]?\s*(?:none|no|not required|not limited|any|unlimited)\b/i;
const EN_PAID_BY_EMPLOYER = /(?:paid|covered|reimbursed|borne) by (?:the )?(?:company|employer|us|factory)|(?:company|employer|we) (?:pays?|covers?|reimburses?)/i;
const isEnglishNegated = ({ before, after }: MatchContext) => EN_NEGATED.test(before) || EN_NONE_AFTER.test(after);
/** "under 16 not accepted", "under 18s need not apply": the lawful floor said the other way round. */
function isEnglishLawfulFloor({ word, after }: MatchContext) {
  const numbers = word.match(/\d+/g) ?? [];
  return numbers.length === 1 && (numbers[0] === '16' || numbers[0] === '18') && /^(?:under|below|younger)/i.test(word)
    && /^\s*(?:s\b)?\s*(?:not|need not|cannot|can't|are not|excluded|will not)/i.test(after);
}
const EN_FEES = "(?:security\\s+)?deposits?|(?:registration|agency|placement|application|recruitment|introduction|service|processing|admin(?:istration)?|training|uniform|medical(?:\\s+check(?:-?up)?)?|health\\s+check|job)\\s+fees?";
const EN_MARITAL_STATUS = 'married|unmarried|single|childless|(?:with|without|no)\\s+(?:kids|children)|pregnant';
const HAN_OR_MINORITY = '汉族|少数民族|回族|维吾尔族|维族|藏族|蒙古族|壮族|彝族|苗族|满族|哈萨克族';

export const POSTING_RULES: PostingRule[] = [
  { kind: 'fee', pattern: new RegExp(DEPOSITS, 'g'), isExcused: isNegatedFee },
  { kind: 'fee', pattern: new RegExp(COSTS, 'g'), isExcused: (context) => isNegatedFee(context) || PAID_BY_EMPLOYER.test(context.before + context.after) },
  { kind: 'fee', pattern: /体检[^，。；,;]{0,3}(?:自费|自理|自付)|自费体检|(?:工服|服装|工衣|制服)自费|自费(?:培训|购买)|(?:先|需|须|要|得)(?:交|缴|付)(?:钱|款)|交钱|(?:办理|申请)(?:贷款|网贷|分期)/g, isExcused: isNegatedFee },

  { kind: 'age', pattern: /\d{2}\s*(?:-|—|–|~|～|至|到)\s*\d{2}\s*周?岁/g },
  { kind: 'age', pattern: /\d{2}\s*周?岁\s*及?(?:以下|以上|以内|之间|左右)/g, isExcused: isLawfulMinimumAge },
  { kind: 'age', pattern: /(?:不超过|不大于|小于|低于|不高于|超过|大于|高于)\s*\d{2}\s*周?岁/g, isExcused: isLawfulMinimumAge },
  { kind: 'age', pattern: /年龄[:：\s在为]{0,3}\d{2}(?:\s*(?:-|—|–|~|～|至|到)\s*\d{2})?(?:\s*周?岁)?(?:\s*及?(?:以下|以上|以内|之间|左右))?/g, isExcused: isLawfulMinimumAge },
  { kind: 'age', pattern: /年龄(?:要求|限制)(?![:：\s]*(?:不限|无))|年龄(?:不超过|不得超过)|(?<!不)限年龄|超龄勿扰/g, isExcused: isNegatedLabel },
  { kind: 'age', pattern: /\d{2}后(?:优先|勿扰|为主)|(?:限|只招|只要|仅招)年轻|年轻人?优先|(?:大龄|中年|老年)(?:人|人员)?(?:勿扰|免谈)|不(?:招|要)(?:大龄|中年|老年)/g },

  { kind: 'gender', pattern: /(?<!不)(?:仅限|只限|限|只招|仅招|只要|仅要|只收|仅收)(?:男|女)(?![男女])/g },
  { kind: 'gender', pattern: /(?<![男女子])(?:男|女)(?:性|士|生|的|孩|工)?(?:优先|勿扰|免谈)/g },
  { kind: 'gender', pattern: /(?<![男女])(?:招聘|招收|招)(?:男|女)(?:工|性|士|生)(?![男女])|要求(?:男|女)性|不(?:招|要|收)(?:男|女)/g },

  { kind: 'hukou', pattern: /(?:本地|本市|本省|本县|本区)(?:户口|户籍)|非农户口|城镇户口|农村户口勿扰|(?:户口|户籍)[^，。；]{0,3}勿扰/g, isExcused: isNegatedLabel },
  { kind: 'hukou', pattern: /(?:户口|户籍)(?:要求|限制)(?![:：\s]*(?:不限|无))|(?<!不)限(?:户口|户籍)/g, isExcused: isNegatedLabel },
  { kind: 'hukou', pattern: new RegExp(`(?:需|须|要求|仅限|只招|只要|限)(?!提供|携带|出示|带|有效|办理)${CJK}{1,4}?(?:户口|户籍)(?!本|簿|证明)|${CJK}{1,4}(?:户口|户籍)优先`, 'g'), isExcused: isNegatedLabel },

  { kind: 'region', pattern: new RegExp(`不招(?!未成年|童工)${CJK}{1,4}人(?![员士])|不要${CJK}{1,3}人(?![员士])|本地人优先|地域限制|籍贯(?:要求|限制)(?![:：\\s]*(?:不限|无))`, 'g'), isExcused: isNegatedLabel },
  { kind: 'region', pattern: new RegExp(`(?:外地|外省|外市|外县|非本地|非本市|东北|西北|西南|${PROVINCES})(?:人|籍|的)?(?:勿扰|免谈|不要|除外|谢绝)`, 'g') },
  { kind: 'region', pattern: new RegExp(`(?:仅限|只限|限|只招|仅招|只要)${CJK}{0,4}?(?:本地|本市|本省|本县|本区)(?:人|籍|员工|求职者)|(?:仅限|只限|限|只招|仅招|只要)${CJK}{2,3}(?<!户)籍|${CJK}{2,3}(?<!户)籍(?:人员|员工)?优先`, 'g') },
  { kind: 'hukou', pattern: /(?:仅限|只限|限|只招|仅招|只要)本地(?:人|户)|(?:本地|当地)户(?:口|籍)?(?:人员|者)?(?:优先|为主)/g, isExcused: isNegatedLabel },

  // 婚育: 要求已婚已育, 限未婚, 已育优先, 两年内不得怀孕 — but 婚育不限, 已婚未婚均可, 无婚育要求 pass.
  { kind: 'marital', pattern: /(?<!不)(?:要求|仅限|只限|限|只招|仅招|只要|需|须)(?:已婚|未婚|离异|已育|未育|已生育|未生育)(?:已育|未育)?|(?:已婚|未婚|离异|已育|未育|已生育|未生育)(?:已育|未育)?(?:者|人员)?(?:优先|勿扰|免谈|为主)|已婚已育|未婚未育/g, isExcused: isNegatedLabel },
  { kind: 'marital', pattern: /(?:不得|不准|不能|不许|不可|禁止)(?:在[^，。；]{1,8})?(?:怀孕|生育|生孩子|结婚|要孩子)|孕(?:妇|期)(?:勿扰|免谈|不要|不招)|婚育(?:要求|限制|状况要求)|(?:二|三)胎(?:勿扰|免谈)/g, isExcused: isNegatedLabel },

  // 民族: 仅限汉族, 汉族优先, 少数民族勿扰, 不招维族 — 民族不限 passes.
  { kind: 'ethnicity', pattern: new RegExp(`(?:仅限|只限|限|只招|仅招|只要|要求)(?:${HAN_OR_MINORITY})|(?:${HAN_OR_MINORITY})(?:人|员工)?(?:优先|勿扰|免谈|除外|谢绝|不要)|不(?:招|要|收)(?:${HAN_OR_MINORITY})|民族(?:要求|限制)(?![:：\\s]*(?:不限|无))`, 'g'), isExcused: isNegatedLabel },

  // English forms of every rule, with honest negations passing as in Chinese.
  { kind: 'fee', pattern: new RegExp(`\\b(?:${EN_FEES})\\b|\\bpay\\s+(?:a|an|the)?\\s*(?:deposit|fee)\\b|\\bfees?\\s+(?:required|payable|apply)\\b`, 'gi'), isExcused: (context) => isEnglishNegated(context) || (!/deposit/i.test(context.word) && EN_PAID_BY_EMPLOYER.test(context.after)) },
  { kind: 'age', pattern: /\bage[sd]?\s*(?:limit|requirement|range|restriction)?\s*[:=]?\s*(?:between\s*|from\s*)?\d{2}\s*(?:-|–|—|~|to|and)\s*\d{2}\b|\b\d{2}\s*(?:-|–|—|~|to)\s*\d{2}\s*(?:years?\s*old|yrs?\b|y\/o)|\b(?:under|below|younger than|not over|no older than|at most|max(?:imum)?(?:\s+age)?:?)\s*\d{2}\b|\bage\s+(?:limits?|requirements?|restrictions?)\b|\b(?:young|younger)\s+(?:people|candidates|workers|applicants)\s+(?:only|preferred)\b/gi, isExcused: (context) => isEnglishNegated(context) || isEnglishLawfulFloor(context) },
  { kind: 'gender', pattern: /\b(?:males?|females?|men|women|man|woman|boys?|girls?)\s+(?:only|preferred|wanted)\b|\bonly\s+(?:males?|females?|men|women)\b|\bno\s+(?:females?|males?|women|men)\b|\bmust\s+be\s+(?:male|female|a\s+man|a\s+woman)\b/gi },
  { kind: 'hukou', pattern: /\b(?:local|city|urban)\s+(?:hukou|household\s+registration|residents?|people)\s+only\b|\blocals?\s+only\b|\bonly\s+locals?\b|\b(?:local\s+)?(?:hukou|household\s+registration)\s+(?:required|requirements?|needed|preferred)\b|\bmust\s+(?:have|hold)\s+(?:a\s+)?(?:local\s+)?(?:\w+\s+)?(?:hukou|household\s+registration)\b/gi, isExcused: isEnglishNegated },
  { kind: 'marital', pattern: new RegExp(`\\b(?:${EN_MARITAL_STATUS})\\s+(?:only|preferred)\\b|\\bmust\\s+(?:be|have)\\s+(?:${EN_MARITAL_STATUS}|children|kids)\\b|\\bno\\s+(?:pregnant|married)\\s+(?:women|people|applicants)\\b|\\bmarital\\s+status\\s+(?:required|requirements?)\\b`, 'gi'), isExcused: isEnglishNegated },
  { kind: 'ethnicity', pattern: /\bhan(?:\s+chinese)?\s+(?:only|preferred)\b|\bno\s+(?:ethnic\s+)?minorities\b|\bethnic\s+minorities\s+(?:excluded|not\s+accepted)\b/gi, isExcused: isEnglishNegated },
];

export type PostingViolation = { field: string; kind: PostingRuleKind; words: string[]; message: string };

/**
 * The text as rules read it: full-width digits and signs made plain (１８－４５岁), and spaces or filler marks
 * put between Chinese characters to dodge a filter removed (押 金, 限*男). `origins[i]` is where the i-th
 * character of the result came from, so a refusal quotes the poster's own words.
 */
export function normalizePostingText(text: string): { text: string; origins: number[] } {
  const characters = [...text];
  const isChinese = (character: string | undefined) => character !== undefined && /[\u4e00-\u9fa5]/.test(character);
  const isFiller = (character: string) => /[\s\u200b-\u200d\ufeff*·•_|]/.test(character);
  let normalized = '';
  const origins: number[] = [];
  let offset = 0;
  for (let index = 0; index < characters.length; index += 1) {
    const character = characters[index];
    const start = offset;
    offset += character.length;
    if (isFiller(character) && isChinese(normalized.at(-1))) {
      let next = index;
      while (next < characters.length && isFiller(characters[next])) next += 1;
      if (isChinese(characters[next])) continue;
    }
    const plain = character.normalize('NFKC');
    const replacement = plain.length === 1 ? plain : character;
    normalized += replacement;
    for (let unit = 0; unit < replacement.length; unit += 1) origins.push(start + unit);
  }
  return { text: normalized, origins };
}

const CLAUSE_END = /[，。；！？,;!?\n]/;

function contextOf(text: string, start: number, word: string): MatchContext {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1])) from -= 1;
  let to = start + word.length;
  while (to < text.length && !CLAUSE_END.test(text[to])) to += 1;
  return { word, before: text.slice(from, start), after: text.slice(start + word.length, to) };
}

/** Every offending phrase in every field (as the poster wrote it), grouped by field and rule kind. */
export function findPostingViolations(fields: Record<string, string | null | undefined>, rules: PostingRule[] = POSTING_RULES): PostingViolation[] {
  const violations: PostingViolation[] = [];
  for (const [field, rawText] of Object.entries(fields)) {
    if (!rawText) continue;
    const { text, origins } = normalizePostingText(rawText);
    const wordsByKind = new Map<PostingRuleKind, Set<string>>();
    for (const rule of rules) {
      for (const match of text.matchAll(rule.pattern)) {
        if (rule.isExcused?.(contextOf(text, match.index, match[0]))) continue;
        const last = origins[match.index + match[0].length - 1];
        const words = wordsByKind.get(rule.kind) ?? new Set<string>();
        words.add(rawText.slice(origins[match.index], last + (rawText.codePointAt(last)! > 0xffff ? 2 : 1)));
        wordsByKind.set(rule.kind, words);
      }
    }
    for (const [kind, words] of wordsByKind) {
      // 「仅限本地户口」 says it all; 「本地户口」 inside it adds nothing.
      const longest = [...words].filter((word) => ![...words].some((other) => other !== word && other.includes(word)));
      violations.push({ field, kind, words: longest, message: POSTING_RULE_MESSAGES[kind] });
    }
  }
  return violations;
}
