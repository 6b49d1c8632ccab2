import { describe, expect, it } from 'vitest';
import { definitionIn, formatFigure, formatPercent, isWithheld } from './format';

describe('impact page formatting', () => {
  it('shows the reader’s half of a bilingual definition', () => {
    const text = '7天流失率：离职 ÷ (离职 + 留存)；尚未到7天回访的不计入（待回访）/ of the 7-day outcomes, the share who left';
    expect(definitionIn(text, 'zh')).toBe('7天流失率：离职 ÷ (离职 + 留存)；尚未到7天回访的不计入（待回访）');
    expect(definitionIn(text, 'en')).toBe('of the 7-day outcomes, the share who left');
    expect(definitionIn('录用：同 measured.hires / as measured.hires', 'en')).toBe('as measured.hires');
    expect(definitionIn('只有中文', 'en')).toBe('只有中文');
  });

  it('tells a withheld value from missing data, and neither reads as 0', () => {
    const labels = { withheld: '*', noData: '数据不足' };
    expect(formatFigure(null, true, String, labels)).toBe('*');
    expect(formatFigure(null, false, String, labels)).toBe('数据不足');
    expect(formatFigure(0, false, formatPercent, labels)).toBe('0.0%');
    const report = { suppressed: ['open.hires'] } as unknown as Parameters<typeof isWithheld>[0];
    expect(isWithheld(report, 'open.hires')).toBe(true);
    expect(isWithheld(report, 'open.jobs')).toBe(false);
  });
});
