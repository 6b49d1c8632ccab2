import { describe, expect, it } from 'vitest';
import { findPostingViolations, normalizePostingText } from './posting-rules.js';

describe('posting rules', () => {
  const refused: Array<[string, string, string]> = [
    ['fee', '入职需交押金300元', '押金'],
    ['fee', '先交保证金，工资月结', '保证金'],
    ['fee', '收取体检费150元', '体检费'],
    ['fee', '需缴纳培训费后上岗', '培训费'],
    ['fee', '招转培，包分配', '招转培'],
    ['age', '年龄18-45岁', '年龄18-45岁'],
    ['age', '18至40周岁，身体健康', '18至40周岁'],
    ['age', '45岁以下', '45岁以下'],
    ['age', '年龄要求：身高不限', '年龄要求'],
    ['gender', '限男性，能吃苦', '限男'],
    ['gender', '女性优先', '女性优先'],
    ['hukou', '需本地户口', '需本地户口'],
    ['region', '不招河南人', '不招河南人'],
    ['region', '本地人优先', '本地人优先'],
  ];

  // What real posters write to get past a filter.
  const evasions: Array<[string, string, string]> = [
    ['fee', '需交押金200', '押金'],
    ['fee', '体检费自理', '体检费自理'],
    ['fee', '培训费', '培训费'],
    ['fee', '培训费500元，结业后安排工作', '培训费'],
    ['fee', '工服费从工资扣', '工服费'],
    ['fee', '每月扣管理费100', '管理费'],
    ['fee', '体检自费', '体检自费'],
    ['fee', '入职体检需自费', '体检需自费'],
    ['fee', '先交钱后上班', '先交钱'],
    ['fee', '服务费300元', '服务费'],
    ['fee', '押金入职满三月退还', '押金'],
    ['fee', '不交押金不能入职', '押金'],
    ['fee', '无需经验押金200', '押金'],
    ['fee', '押 金200', '押 金'],
    ['age', '18-35周岁', '18-35周岁'],
    ['age', '１８－３５岁', '１８－３５岁'],
    ['age', '年龄：18-45', '年龄：18-45'],
    ['age', '年龄35以下', '年龄35以下'],
    ['age', '不超过45岁', '不超过45岁'],
    ['age', '限35岁以内', '35岁以内'],
    ['age', '90后优先', '90后优先'],
    ['gender', '限男性', '限男'],
    ['gender', '仅招男性', '招男性'],
    ['gender', '只要男的', '只要男'],
    ['gender', '女士优先', '女士优先'],
    ['gender', '男生优先', '男生优先'],
    ['gender', '招女工20名', '招女工'],
    ['gender', '女性勿扰', '女性勿扰'],
    ['gender', '限*男', '限*男'],
    ['hukou', '仅限本地户口', '仅限本地户口'],
    ['hukou', '本市户籍优先', '本市户籍优先'],
    ['hukou', '需苏州户口', '需苏州户口'],
    ['region', '不要河南人', '不要河南人'],
    ['region', '外省人勿扰', '外省人勿扰'],
    ['region', '东北人勿扰', '东北人勿扰'],
    ['region', '新疆人勿扰', '新疆人勿扰'],
    ['region', '仅限江苏籍', '仅限江苏籍'],
  ];

  // Issue 10: 户籍 variants, 婚育 and 民族 conditions, and the English forms of every rule.
  const issueTen: Array<[string, string, string]> = [
    ['region', '仅限苏州本地人', '仅限苏州本地人'],
    ['hukou', '本地户口优先', '本地户口优先'],
    ['hukou', '只招本地户', '只招本地户'],
    ['marital', '要求已婚已育', '要求已婚已育'],
    ['marital', '限未婚', '限未婚'],
    ['marital', '已育优先', '已育优先'],
    ['marital', '入职两年内不得怀孕', '不得怀孕'],
    ['marital', '孕妇勿扰', '孕妇勿扰'],
    ['ethnicity', '仅限汉族', '仅限汉族'],
    ['ethnicity', '汉族优先', '汉族优先'],
    ['ethnicity', '少数民族勿扰', '少数民族勿扰'],
    ['ethnicity', '不招维族', '不招维族'],
    ['gender', 'Male only, hard-working', 'Male only'],
    ['gender', 'women preferred', 'women preferred'],
    ['gender', 'Must be male', 'Must be male'],
    ['age', 'age 18-35', 'age 18-35'],
    ['age', 'Aged between 20 and 40', 'Aged between 20 and 40'],
    ['age', 'under 35 please', 'under 35'],
    ['age', '20-30 years old', '20-30 years old'],
    ['fee', 'deposit required', 'deposit'],
    ['fee', 'Registration fee 200 yuan', 'Registration fee'],
    ['fee', 'pay a deposit before starting', 'pay a deposit'],
    ['fee', 'training fee deducted from first salary', 'training fee'],
    ['hukou', 'local hukou only', 'local hukou only'],
    ['hukou', 'Locals only', 'Locals only'],
    ['hukou', 'must have a Suzhou hukou', 'must have a Suzhou hukou'],
    ['marital', 'married only', 'married only'],
    ['marital', 'must be single', 'must be single'],
    ['ethnicity', 'Han Chinese only', 'Han Chinese only'],
  ];

  it.each(issueTen)('refuses %s: %s', (kind, text, word) => {
    const violations = findPostingViolations({ requirements: text });
    expect(violations.map((violation) => violation.kind)).toContain(kind);
    expect(violations.find((violation) => violation.kind === kind)!.words).toContain(word);
  });

  const acceptedIssueTen = [
    '婚育不限，已婚未婚均可',
    '无婚育要求，民族不限',
    '已婚夫妻可申请夫妻房',
    '各民族员工一视同仁',
    'No deposit, no fees of any kind',
    'We never charge a registration fee',
    'Medical check fee paid by the company',
    'Training fee covered by employer',
    'No age limit, men and women welcome',
    'Aged 18 or above; under 16 not accepted',
    'No hukou requirement',
    'Age: none',
    'Service: 2 shifts, free meals, dormitory for couples',
  ];

  it.each(acceptedIssueTen)('accepts a lawful posting: %s', (text) => {
    expect(findPostingViolations({ requirements: text })).toEqual([]);
  });

  it.each([...refused, ...evasions])('refuses %s: %s', (kind, text, word) => {
    const violations = findPostingViolations({ requirements: text });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ field: 'requirements', kind });
    expect(violations[0].words).toContain(word);
  });

  const accepted = [
    '身体健康，能适应两班倒，男女不限，年龄不限',
    '公司报销体检费，包吃包住，夫妻房',
    '工价22元/小时，日结，长白班，满18周岁即可',
    '五险一金，餐补15元/天，免费班车',
    '免费体检',
    '不收任何费用',
    '不收押金',
    '无押金、无中介费',
    '不收取体检费、培训费',
    '入职体检费用由公司承担',
    '本平台不向求职者收取服务费',
    '谨防收取押金的黑中介',
    '带薪培训，无培训费',
    '工资卡无手续费',
    '负责收取小区物业管理费，开具收据',
    '入职体检费用实报实销',
    '不限年龄，不限户籍，无地域限制',
    '无年龄限制，无户籍限制',
    '年龄要求：不限',
    '18周岁以上，年满16周岁，16岁以下不招',
    '户口不限，籍贯不限，民族不限',
    '外地户籍员工可协助办理居住证',
    '无需本地户口',
    '需提供户口本复印件',
    '不限男女，招男女工',
    '招女装车位工',
    '员工子女优先入读附近学校',
    '中介勿扰，不要中介人员',
    '不招未成年人',
  ];

  it.each(accepted)('accepts a lawful posting: %s', (text) => {
    expect(findPostingViolations({ requirements: text, benefits: text })).toEqual([]);
  });

  it('reports every field and every offending word, as the poster wrote it', () => {
    const violations = findPostingViolations({ title: '限男 普工', requirements: '押金200，保证金100', benefits: '' });
    expect(violations).toEqual([
      expect.objectContaining({ field: 'title', kind: 'gender', words: ['限男'] }),
      expect.objectContaining({ field: 'requirements', kind: 'fee', words: ['押金', '保证金'] }),
    ]);
  });

  it('reads full-width characters and fillers between Chinese characters, and remembers where each came from', () => {
    expect(normalizePostingText('押 金２００').text).toBe('押金200');
    expect(normalizePostingText('押 金２００').origins).toEqual([0, 2, 3, 4, 5]);
    expect(normalizePostingText('月薪 5000 元').text).toBe('月薪 5000 元');
  });
});
