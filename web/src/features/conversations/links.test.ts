import { describe, expect, it } from 'vitest';
import { splitPlatformLinks } from './links';

const origin = 'https://jobs.example.cn';

describe('splitPlatformLinks', () => {
  it('keeps plain text as one part', () => {
    expect(splitPlatformLinks('包吃住吗？', origin)).toEqual([{ kind: 'text', text: '包吃住吗？' }]);
  });

  it('leaves links to other sites as text', () => {
    expect(splitPlatformLinks('加群 https://evil.example.com/pay?x=1 领补贴', origin)).toEqual([{ kind: 'text', text: '加群 https://evil.example.com/pay?x=1 领补贴' }]);
    // Same host name on another scheme or port is another origin; credentials in a URL are a disguise.
    expect(splitPlatformLinks('http://jobs.example.cn/jobs/1', origin)).toEqual([{ kind: 'text', text: 'http://jobs.example.cn/jobs/1' }]);
    expect(splitPlatformLinks('https://jobs.example.cn@evil.example.com/', origin)).toEqual([{ kind: 'text', text: 'https://jobs.example.cn@evil.example.com/' }]);
  });

  it('turns platform links into in-app paths, without the punctuation that ends the sentence', () => {
    expect(splitPlatformLinks('看这个岗位：https://jobs.example.cn/jobs/abc?from=chat。谢谢', origin)).toEqual([
      { kind: 'text', text: '看这个岗位：' },
      { kind: 'link', text: 'https://jobs.example.cn/jobs/abc?from=chat', path: '/jobs/abc?from=chat' },
      { kind: 'text', text: '。谢谢' },
    ]);
    expect(splitPlatformLinks('See https://jobs.example.cn/live/1.', origin)).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://jobs.example.cn/live/1', path: '/live/1' },
      { kind: 'text', text: '.' },
    ]);
  });
});
