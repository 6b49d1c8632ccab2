// No zod here: the web app imports these values.

/**
 * The impact report's definitions are one text, Chinese then English after “ / ” (or “）/ ”): the reader's half.
 * The split is at the first slash followed by a Latin letter, so a slash inside either half stays.
 */
export function definitionIn(text: string, language: 'zh' | 'en'): string {
  const match = /\s?\/ (?=[A-Za-z(])/.exec(text);
  if (!match) return text;
  return language === 'en' ? text.slice(match.index + match[0].length) : text.slice(0, match.index).trim();
}
