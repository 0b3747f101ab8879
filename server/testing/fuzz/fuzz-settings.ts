// How much the fuzz suites generate, and from which seed. `npm test` runs a share of FUZZ_INPUTS'
// default; `npm run fuzz` sets it to the full count. A failure prints fast-check's seed and path:
// FUZZ_SEED=<seed> reproduces the run.
const DEFAULT_INPUTS = 1_200;
const DEFAULT_SEED = 20_261_207;

/** The total number of generated requests over all fuzz suites of a run. */
const totalInputs = (): number => Number(process.env.FUZZ_INPUTS ?? DEFAULT_INPUTS);

/** The runs one suite gets: its share (0..1) of the total. */
export function fuzzRuns(share: number): number {
  return Math.max(1, Math.ceil(totalInputs() * share));
}

/** The seed of every suite in this run (each suite offsets it, so they do not generate alike). */
export function fuzzSeed(offset: number): number {
  return Number(process.env.FUZZ_SEED ?? DEFAULT_SEED) + offset;
}
