/**
 * A small deterministic random source (mulberry32) so that a chaos run driven by fault
 * probabilities can be replayed from its seed.
 */
export type RandomSource = () => number;

/** Returns numbers in [0, 1); the same seed gives the same sequence. */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
