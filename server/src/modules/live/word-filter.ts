export type WordRule = { word: string; action: 'block' | 'mask' };

export type FilterResult = { isBlocked: true; words: string[] } | { isBlocked: false; text: string; maskedWords: string[] };

/** Normalizes for matching: lower case, full-width ASCII to half-width, spaces and common separators removed. */
function normalize(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .toLowerCase();
}

const SEPARATORS = /[\s.\-_*·,，。、|/\\]+/g;

/**
 * Applies the word table to one chat message: a 'block' word refuses the message (also when split by spaces
 * or dots, 加 微 信); a 'mask' word is replaced by stars. Pure, so the table can grow without code changes.
 */
export function applyWordFilter(text: string, rules: readonly WordRule[]): FilterResult {
  const normalized = normalize(text);
  const squeezed = normalized.replace(SEPARATORS, '');
  const blocked = rules.filter((rule) => rule.action === 'block' && squeezed.includes(normalize(rule.word).replace(SEPARATORS, '')));
  if (blocked.length > 0) return { isBlocked: true, words: blocked.map((rule) => rule.word) };
  let result = text;
  const maskedWords: string[] = [];
  for (const rule of rules) {
    if (rule.action !== 'mask') continue;
    const pattern = new RegExp(Array.from(rule.word).map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s.\\-_*·]*'), 'gi');
    if (pattern.test(result)) {
      maskedWords.push(rule.word);
      result = result.replace(pattern, (match) => '*'.repeat(Math.min(Array.from(match).length, 6)));
    }
  }
  return { isBlocked: false, text: result, maskedWords };
}
