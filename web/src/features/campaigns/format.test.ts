import { describe, expect, it } from 'vitest';
import { formatDay, formatRegion } from './format';

describe('campaign formatters', () => {
  it('writes China dates for each language', () => {
    expect(formatDay('2023-01-01', 'zh')).toBe('2023年1月1日');
    expect(formatDay('2023-03-31', 'en')).toBe('31 Mar 2023');
  });

  it('names the region: city (province), province, or none', () => {
    const reference = {
      provinceByCode: new Map([['32', { code: '32', name: '江苏省', shortName: '江苏', nameEn: 'Jiangsu', region: 'east' }]]),
      cityByCode: new Map([['320500', { code: '320500', name: '苏州市', shortName: '苏州', nameEn: 'Suzhou', provinceCode: '32', tier: 'new1', longitude: 0, latitude: 0 }]]),
    };
    const suzhou = { provinceCode: '32', provinceName: '江苏', cityCode: '320500', cityName: '苏州' };
    expect(formatRegion(suzhou, 'zh', reference)).toBe('苏州 (江苏)');
    expect(formatRegion(suzhou, 'en', reference)).toBe('Suzhou (Jiangsu)');
    expect(formatRegion({ ...suzhou, cityCode: null, cityName: null }, 'zh', null)).toBe('江苏');
    expect(formatRegion({ provinceCode: null, provinceName: null, cityCode: null, cityName: null }, 'zh', reference)).toBeNull();
  });
});
