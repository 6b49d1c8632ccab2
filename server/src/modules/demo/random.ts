// A tiny seeded PRNG for the demo generator: sfc32 (Chris Doty-Humphrey's "small fast counting" generator,
// 128-bit state, passes PractRand/BigCrush) seeded through splitmix32. Chosen over a dependency because the
// generator needs only uniform draws and the whole algorithm fits on a screen; Math.random is never used, so
// the same seed always yields the same sequence on every platform.

/** splitmix32: spreads a 32-bit value over the whole word; used to seed sfc32 and to fork streams. */
function splitmix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over a label: names a sub-stream so that adding draws to one stage never shifts another. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < label.length; index += 1) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** A version-4-shaped UUID whose bits come from this stream (deterministic, unlike gen_random_uuid). */
  uuid(): string;
  /** An independent stream named by a label; forking never consumes draws from this one. */
  fork(label: string): Random;
};

export function createRandom(seed: number | bigint, label = ''): Random {
  // Any integer seed (negative or beyond 32 bits) is folded into 64 bits, then into four state words.
  const wide = BigInt.asUintN(64, BigInt(seed));
  const low = Number(wide & 0xffffffffn);
  const high = Number(wide >> 32n);
  const salt = hashLabel(label);
  let a = splitmix32(low ^ salt);
  let b = splitmix32(high ^ a);
  let c = splitmix32(a ^ b ^ 0x6a09e667);
  let d = 1;

  function nextWord(): number {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // Discard the first outputs, as the sfc32 reference does, so similar seeds diverge at once.
  for (let index = 0; index < 15; index += 1) nextWord();

  const random: Random = {
    next: () => nextWord() / 4294967296,
    int: (min, max) => min + Math.floor(random.next() * (max - min + 1)),
    chance: (probability) => random.next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(random.next() * items.length)];
    },
    weighted(items, weight) {
      let total = 0;
      for (const item of items) total += weight(item);
      if (!(total > 0)) throw new Error('weighted pick needs a positive total weight');
      let target = random.next() * total;
      for (const item of items) {
        target -= weight(item);
        if (target < 0) return item;
      }
      return items[items.length - 1];
    },
    shuffle(items) {
      const copy = [...items];
      for (let index = copy.length - 1; index > 0; index -= 1) {
        const other = Math.floor(random.next() * (index + 1));
        [copy[index], copy[other]] = [copy[other], copy[index]];
      }
      return copy;
    },
    uuid() {
      const words = [nextWord(), nextWord(), nextWord(), nextWord()];
      const hex = words.map((word) => word.toString(16).padStart(8, '0')).join('');
      const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
    fork: (childLabel) => createRandom(wide, `${label}/${childLabel}`),
  };
  return random;
}

/**
 * Splits a whole number into parts proportional to weights, exactly (largest remainder, ties by order):
 * the demo's calibration targets come out the same for every seed; the seed only decides who and when.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((accumulator, weight) => accumulator + weight, 0);
  if (!(sum > 0)) return weights.map(() => 0);
  const exact = weights.map((weight) => (weight / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((accumulator, count) => accumulator + count, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((x, y) => y.remainder - x.remainder || x.index - y.index);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index] += 1;
    left -= 1;
  }
  return counts;
}
