import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from '../../../../contracts/live.js';
import { applyWordFilter } from './word-filter.js';

const rules = [
  { word: '押金', action: 'block' as const },
  { word: '加微信', action: 'mask' as const },
  { word: 'VX', action: 'mask' as const },
];

describe('chat word filter', () => {
  it('blocks a block word, also when split by spaces, dots or full-width characters', () => {
    expect(applyWordFilter('要交押金吗', rules)).toEqual({ isBlocked: true, words: ['押金'] });
    expect(applyWordFilter('要交押 金吗', rules).isBlocked).toBe(true);
    expect(applyWordFilter('押.金', rules).isBlocked).toBe(true);
  });

  it('masks a mask word and leaves other text as typed', () => {
    expect(applyWordFilter('主播加微信聊', rules)).toEqual({ isBlocked: false, text: '主播***聊', maskedWords: ['加微信'] });
    expect(applyWordFilter('加 微 信', rules)).toMatchObject({ text: '*****' });
    expect(applyWordFilter('我的vx是abc', rules)).toMatchObject({ text: '我的**是abc' });
    expect(applyWordFilter('<b>包住吗</b>', rules)).toEqual({ isBlocked: false, text: '<b>包住吗</b>', maskedWords: [] });
  });

  it('grows with the table: no rules, no change', () => {
    expect(applyWordFilter('押金', [])).toEqual({ isBlocked: false, text: '押金', maskedWords: [] });
  });
});

describe('masking for hosts and the ticker', () => {
  it('masks phones as 138****5678 and names as 张**', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张小明')).toBe('张**');
    expect(maskName('  李四')).toBe('李**');
    expect(maskName('')).toBe('***');
  });
});
