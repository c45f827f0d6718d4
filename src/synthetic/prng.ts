/**
 * @module synthetic/prng
 * A small seeded pseudo-random number generator for synthetic data: sfc32 (Chris Doty-Humphrey's "Small Fast
 * Counting" generator, 128 bits of state) keyed by a 32-bit key hashed from a string seed.
 *
 * Every stream is identified by its `key`. Sub-streams are derived from the parent's key and a name
 * (`fork('users')`) or an integer index (`at(42)`) — never from the parent's current state — so:
 * - drawing from one stream never changes another stream's output;
 * - adding a new kind of data later (a new fork name) does not shift any existing output;
 * - item `i` of a large data set can be generated on its own in O(1) (`stream.at(i)`).
 *
 * Not for secrets: this is predictable by design. Passwords and tokens come from a CSPRNG in the service layer.
 */

/** A seed: any string, or a number (hashed as its decimal text, so `42` and `'42'` give the same stream). */
export type Seed = string | number;

const UINT32_RANGE = 0x1_0000_0000;
const GOLDEN_RATIO_32 = 0x9e3779b9;
const FNV_OFFSET_BASIS_32 = 0x811c9dc5;
const FNV_PRIME_32 = 0x01000193;
/** Distinguishes index-derived keys from name-derived keys of the same parent. */
const INDEX_DOMAIN = 0x2545f491;
/** Rounds discarded after seeding, so that nearby keys have unrelated first outputs. */
const WARM_UP_ROUNDS = 12;
/** Largest number of decimal digits one 32-bit draw can cover without bias (10^9 < 2^32). */
const DIGITS_PER_DRAW = 9;

/**
 * murmur3's 32-bit finaliser: a bijection on 32-bit integers with good avalanche.
 *
 * @param value - any number; only its low 32 bits are used.
 * @returns an unsigned 32-bit integer.
 */
export function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * Hashes a seed to a 32-bit key: FNV-1a over the UTF-16 code units, finished with {@link mix32}.
 *
 * @param seed - the seed text (numbers are hashed as their decimal text).
 * @param basis - starting state; a parent stream's key when deriving a named sub-stream.
 * @returns an unsigned 32-bit integer.
 * @example
 * hashSeed('peerline-demo') === hashSeed('peerline-demo'); // true
 */
export function hashSeed(seed: Seed, basis: number = FNV_OFFSET_BASIS_32): number {
  const text = typeof seed === 'number' ? String(seed) : seed;
  let hash = basis >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME_32);
  }
  return mix32(hash);
}

function assertSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer, got ${value}`);
  }
}

/**
 * A deterministic stream of pseudo-random values. Create one with {@link createRng}.
 *
 * @example
 * const rng = createRng('peerline-demo');
 * const users = rng.fork('users'); // independent of every other fork
 * const member = rng.fork('members').at(41_999); // the 42,000th member's own stream, in O(1)
 * member.int(18, 64);
 */
export class Rng {
  /** The stream's identity: equal keys give equal output; sub-streams derive from it. */
  readonly key: number;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(key: number) {
    this.key = key >>> 0;
    // Expand the 32-bit key into sfc32's four words with a golden-ratio counter through mix32.
    this.a = mix32(this.key + GOLDEN_RATIO_32);
    this.b = mix32(this.key + 2 * GOLDEN_RATIO_32);
    this.c = mix32(this.key + 3 * GOLDEN_RATIO_32);
    this.d = 1;
    for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
      this.uint32();
    }
  }

  /**
   * The stream for a 32-bit key, as returned by {@link Rng.key}.
   *
   * @param key - an unsigned 32-bit integer.
   */
  static fromKey(key: number): Rng {
    return new Rng(key);
  }

  /** The next unsigned 32-bit integer (sfc32 step). */
  uint32(): number {
    const sum = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + sum) | 0;
    return sum >>> 0;
  }

  /** A float in [0, 1) with 32 bits of precision. */
  float(): number {
    return this.uint32() / UINT32_RANGE;
  }

  /**
   * A uniformly distributed integer in [min, max], both inclusive, without modulo bias.
   *
   * @param min - lowest value (safe integer).
   * @param max - highest value (safe integer, at most 2^32 - 1 above `min`).
   * @throws RangeError when the bounds are not safe integers, `min > max`, or the range exceeds 2^32 values.
   */
  int(min: number, max: number): number {
    assertSafeInteger(min, 'min');
    assertSafeInteger(max, 'max');
    if (min > max) {
      throw new RangeError(`min (${min}) must not exceed max (${max})`);
    }
    const span = max - min + 1;
    if (span > UINT32_RANGE) {
      throw new RangeError(`range [${min}, ${max}] has more than 2^32 values`);
    }
    if (span === UINT32_RANGE) {
      return min + this.uint32();
    }
    // Reject the top partial block so every residue is equally likely.
    const limit = UINT32_RANGE - (UINT32_RANGE % span);
    let draw = this.uint32();
    while (draw >= limit) {
      draw = this.uint32();
    }
    return min + (draw % span);
  }

  /**
   * One item of a non-empty list, uniformly.
   *
   * @param items - the candidates.
   * @throws RangeError when `items` is empty.
   */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new RangeError('cannot pick from an empty list');
    }
    return items[this.int(0, items.length - 1)] as T;
  }

  /**
   * True with probability `probability`.
   *
   * @param probability - between 0 (never) and 1 (always).
   * @throws RangeError when `probability` is outside [0, 1].
   */
  chance(probability: number): boolean {
    if (!(probability >= 0 && probability <= 1)) {
      throw new RangeError(`probability must be in [0, 1], got ${probability}`);
    }
    return this.float() < probability;
  }

  /**
   * A shuffled copy of `items` (Fisher–Yates); the input is not changed.
   *
   * @param items - the list to shuffle.
   */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = this.int(0, index);
      const held = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = held;
    }
    return copy;
  }

  /**
   * `count` uniformly random decimal digits (leading zeros kept).
   *
   * @param count - number of digits, a non-negative safe integer.
   */
  digits(count: number): string {
    assertSafeInteger(count, 'count');
    if (count < 0) {
      throw new RangeError(`count must not be negative, got ${count}`);
    }
    let text = '';
    let remaining = count;
    while (remaining > 0) {
      const chunk = Math.min(remaining, DIGITS_PER_DRAW);
      text += String(this.int(0, 10 ** chunk - 1)).padStart(chunk, '0');
      remaining -= chunk;
    }
    return text;
  }

  /**
   * An independent sub-stream named `name`. It depends only on this stream's key and the name, not on how many
   * values have been drawn, so forks can be taken in any order.
   *
   * @param name - the kind of data the sub-stream produces, e.g. `'users'`.
   */
  fork(name: string): Rng {
    return new Rng(hashSeed(name, this.key));
  }

  /**
   * The sub-stream for item `index` of a sequence, e.g. member number `index`. Distinct indices of one stream
   * always get distinct keys (the derivation is a bijection on 32-bit integers).
   *
   * @param index - a non-negative integer below 2^32.
   * @throws RangeError when `index` is out of range.
   */
  at(index: number): Rng {
    if (!Number.isInteger(index) || index < 0 || index >= UINT32_RANGE) {
      throw new RangeError(`index must be an integer in [0, 2^32), got ${index}`);
    }
    return new Rng(mix32(mix32(this.key ^ INDEX_DOMAIN) + index));
  }
}

/**
 * The root stream for a seed.
 *
 * @param seed - any string or number; the same seed always yields the same stream.
 * @example
 * createRng('peerline-demo').int(1, 6); // the same die roll every time
 */
export function createRng(seed: Seed): Rng {
  return Rng.fromKey(hashSeed(seed));
}
