/**
 * Where the automatic mode searches one model kind: a few configurations known
 * to work well on customer tables are tried first, then random draws from
 * documented ranges. Each tabular kind declares its space in its own folder
 * (`models/<kind>/space.ts`) and the catalogue carries it.
 */
export interface SearchSpace {
	/** Tried first, in order (merged over the model's defaults). */
	first: readonly Record<string, unknown>[];
	/** A random configuration from the documented ranges. */
	sample(rng: () => number): Record<string, unknown>;
	/** Upper bound on trials even when time is left (small tables finish early). */
	maxTrials: number;
}

/** One of `list`, uniformly. */
export const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
/** Uniform on a log scale between `lo` and `hi` (rates, strengths). */
export const logUniform = (rng: () => number, lo: number, hi: number) => Math.exp(Math.log(lo) + rng() * (Math.log(hi) - Math.log(lo)));
export const uniform = (rng: () => number, lo: number, hi: number) => lo + rng() * (hi - lo);
/** Short, readable values in the leaderboard and model files. */
export const round = (x: number, digits = 4) => Number(x.toPrecision(digits));
