/**
 * Where the automatic mode searches, per model kind: a few configurations
 * known to work well on customer tables are tried first, then random draws
 * from documented ranges. `BUDGET_SHARE` splits the time budget between kinds.
 */
import { MODEL_CATALOG, TABULAR_KINDS, type TabularKind } from '../catalog';

export interface SearchSpace {
	/** Tried first, in order (merged over the model's defaults). */
	first: Record<string, unknown>[];
	/** A random configuration from the documented ranges. */
	sample(rng: () => number): Record<string, unknown>;
	/** Upper bound on trials even when time is left (small tables finish early). */
	maxTrials: number;
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const logUniform = (rng: () => number, lo: number, hi: number) => Math.exp(Math.log(lo) + rng() * (Math.log(hi) - Math.log(lo)));
const uniform = (rng: () => number, lo: number, hi: number) => lo + rng() * (hi - lo);
const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

export const SEARCH_SPACES: Record<TabularKind, SearchSpace> = {
	// Gradient-boosted trees: 100-600 trees, learning rate 0.01-0.3 (log), depth 2-8, min child weight 1-20 (log),
	// row/column subsampling 0.6-1, L2 0.1-10 (log).
	gbdt: {
		first: [
			{ nEstimators: 200, learningRate: 0.05, maxDepth: 3 },
			{ nEstimators: 400, learningRate: 0.03, maxDepth: 4, subsample: 0.8, colsampleByTree: 0.8, minChildWeight: 5 },
			{ nEstimators: 300, learningRate: 0.05, maxDepth: 2 },
			{}
		],
		sample: (rng) => ({
			nEstimators: pick(rng, [100, 200, 300, 400, 600]),
			learningRate: round(logUniform(rng, 0.01, 0.3)),
			maxDepth: pick(rng, [2, 3, 4, 5, 6, 8]),
			minChildWeight: round(logUniform(rng, 1, 20)),
			subsample: round(uniform(rng, 0.6, 1)),
			colsampleByTree: round(uniform(rng, 0.6, 1)),
			lambda: round(logUniform(rng, 0.1, 10))
		}),
		maxTrials: 24
	},
	// Logistic regression: inverse L2 strength C 0.01-10 (log), with or without balanced class weights.
	logistic: {
		first: [{}, { C: 0.1 }],
		sample: (rng) => ({ C: round(logUniform(rng, 0.01, 10)), classWeight: pick(rng, ['none', 'none', 'balanced']) }),
		maxTrials: 8
	},
	// Random forest: 200-500 trees, depth 6-16, min leaf 1-20, features per split √n (0), 30 % or 50 %.
	forest: {
		first: [{}, { maxDepth: 8, minSamplesLeaf: 5 }],
		sample: (rng) => ({
			nEstimators: pick(rng, [200, 300, 500]),
			maxDepth: pick(rng, [6, 8, 10, 12, 16]),
			minSamplesLeaf: pick(rng, [1, 2, 5, 10, 20]),
			maxFeatures: pick(rng, [0, 0.3, 0.5])
		}),
		maxTrials: 8
	},
	// Neural network: hidden layers, dropout 0-0.5, learning rate 3e-4-3e-3 (log), L2 1e-6-1e-3 (log).
	mlp: {
		first: [{}],
		sample: (rng) => ({
			hiddenLayers: pick(rng, [[32], [64, 32], [128, 64]]),
			dropout: round(uniform(rng, 0, 0.5)),
			learningRate: round(logUniform(rng, 3e-4, 3e-3)),
			l2: round(logUniform(rng, 1e-6, 1e-3))
		}),
		maxTrials: 4
	}
};

/** Share of the time budget per kind (the catalogue's): boosting gets the most, as it usually wins on tables. */
export const BUDGET_SHARE = Object.fromEntries(TABULAR_KINDS.map((k) => [k, MODEL_CATALOG[k].budgetShare])) as Record<TabularKind, number>;
