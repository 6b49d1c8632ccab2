import { describe, expect, it } from 'vitest';
import { cityMatchScore, cityOptions } from './city-options';

const reference = {
  provinces: [
    { code: '32', name: '江苏省', shortName: '江苏', nameEn: 'Jiangsu', region: 'east' },
    { code: '11', name: '北京市', shortName: '北京', nameEn: 'Beijing', region: 'north' },
    { code: '23', name: '黑龙江省', shortName: '黑龙江', nameEn: 'Heilongjiang', region: 'northeast' },
  ],
  cities: [
    { code: '320500', name: '苏州市', shortName: '苏州', nameEn: 'Suzhou', provinceCode: '32', tier: 'new_first', longitude: 0, latitude: 0 },
    { code: '320200', name: '无锡市', shortName: '无锡', nameEn: 'Wuxi', provinceCode: '32', tier: 'second', longitude: 0, latitude: 0 },
    { code: '110100', name: '北京市', shortName: '北京', nameEn: 'Beijing', provinceCode: '11', tier: 'first', longitude: 0, latitude: 0 },
    { code: '231200', name: '绥化市', shortName: '绥化', nameEn: 'Suihua', provinceCode: '23', tier: 'fifth', longitude: 0, latitude: 0 },
  ],
};

describe('city picker options', () => {
  it('labels a city with its province, except municipalities', () => {
    const options = cityOptions(reference, 'zh');
    expect(options.map((option) => option.label)).toEqual(['苏州 · 江苏', '无锡 · 江苏', '北京', '绥化 · 黑龙江']);
    expect(cityOptions(reference, 'en')[0]!.label).toBe('Suzhou · Jiangsu');
  });

  it('ranks city-name matches above province matches and ignores mid-word province matches', () => {
    const [suzhou, wuxi, , suihua] = cityOptions(reference, 'zh');
    expect(cityMatchScore(suzhou!, '苏州')).toBe(3);
    expect(cityMatchScore(suzhou!, 'SU')).toBe(3);
    expect(cityMatchScore(suzhou!, '州')).toBe(2);
    expect(cityMatchScore(wuxi!, '江苏')).toBe(1);
    expect(cityMatchScore(wuxi!, 'su')).toBe(0);
    expect(cityMatchScore(suihua!, 'suz')).toBe(0);
  });
});
