/** Growing typed arrays in place of a resizable one: what the index's side tables and the filter columns use. */
type Growable = Uint8Array | Int8Array | Int32Array | Float64Array;

/**
 * `a` when it holds at least `n` elements; else a copy of it with room for twice as many, or `n`, or `least`,
 * whichever is most (doubling keeps appends amortised O(1)).
 */
export function grown<T extends Growable>(a: T, n: number, least = 0): T {
  if (a.length >= n) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2, least));
  b.set(a);
  return b;
}
