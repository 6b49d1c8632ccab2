// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet, the last one a check character.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function computeCreditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = ALPHABET.indexOf(first17[index]);
    if (value < 0) throw new Error(`invalid character "${first17[index]}" at position ${index + 1}`);
    sum += value * WEIGHTS[index];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a credit code is invalid, or null when it is valid. */
export function explainInvalidCreditCode(code: string): string | null {
  if (code.length !== 18) return `must be 18 characters, got ${code.length} / 统一社会信用代码应为18位`;
  for (let index = 0; index < 18; index += 1) {
    if (!ALPHABET.includes(code[index])) return `character "${code[index]}" at position ${index + 1} is not allowed (I, O, Z, S, V are never used) / 含非法字符`;
  }
  const expected = computeCreditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `check character is wrong (expected ${expected}) / 校验位错误`;
  return null;
}

/** A valid code from a 17-character body of digits; used by the demo generator and tests. */
export function buildCreditCode(body17: string): string {
  return body17 + computeCreditCodeCheckCharacter(body17);
}
