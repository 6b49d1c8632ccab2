import { describe, expect, it } from 'vitest';
import { findPostingViolations } from './posting-rules.js';

describe('posting rules', () => {
  const refused: Array<[string, string, string]> = [
    ['fee', '入职需交押金300元', '押金'],
    ['fee', '先交保证金，工资月结', '保证金'],
    ['fee', '收取体检费150元', '收取体检费'],
    ['fee', '需缴纳培训费后上岗', '需缴纳培训费'],
    ['fee', '招转培，包分配', '招转培'],
    ['age', '年龄18-45岁', '18-45岁'],
    ['age', '18至40周岁，身体健康', '18至40周岁'],
    ['age', '45岁以下', '45岁以下'],
    ['age', '年龄要求：不限学历', '年龄要求'],
    ['gender', '限男性，能吃苦', '限男'],
    ['gender', '女性优先', '女性优先'],
    ['hukou', '需本地户口', '本地户口'],
    ['region', '不招河南人', '不招河南人'],
    ['region', '本地人优先', '本地人优先'],
  ];

  it.each(refused)('refuses %s: %s', (kind, text, word) => {
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
  ];

  it.each(accepted)('accepts a lawful posting: %s', (text) => {
    expect(findPostingViolations({ requirements: text, benefits: text })).toEqual([]);
  });

  it('reports every field and every offending word', () => {
    const violations = findPostingViolations({ title: '限男 普工', requirements: '押金200，保证金100', benefits: '' });
    expect(violations).toEqual([
      expect.objectContaining({ field: 'title', kind: 'gender', words: ['限男'] }),
      expect.objectContaining({ field: 'requirements', kind: 'fee', words: ['押金', '保证金'] }),
    ]);
  });
});
