import { logUniform, pick, round, uniform, type SearchSpace } from '../shared/search-space';

/**
 * Gradient-boosted trees: 100-600 trees, learning rate 0.01-0.3 (log), depth 2-8, min child weight
 * 1-20 (log), row/column subsampling 0.6-1, L2 0.1-10 (log).
 *
 * The search starts from the known-good, so the automatic mode never ends below what a data
 * scientist gets from XGBoost untouched: the best setting on our churn tables (200 trees, depth 3,
 * rate 0.05: tuned XGBoost's pick in BENCHMARKS.md), XGBoost's own defaults (100 trees, depth 6,
 * rate 0.3 = GBDT_DEFAULTS), the corners of the usual depth 3–6 × rate 0.05–0.3 grid, one long run
 * that early stopping on a validation fold ends, then two regularised shapes.
 */
export const gbdtSpace: SearchSpace = {
	first: [
		{ nEstimators: 200, learningRate: 0.05, maxDepth: 3 },
		{},
		{ nEstimators: 100, learningRate: 0.3, maxDepth: 3 },
		{ nEstimators: 300, learningRate: 0.05, maxDepth: 6 },
		{ nEstimators: 1000, learningRate: 0.05, maxDepth: 4, earlyStoppingRounds: 30 },
		{ nEstimators: 400, learningRate: 0.03, maxDepth: 4, subsample: 0.8, colsampleByTree: 0.8, minChildWeight: 5 },
		{ nEstimators: 300, learningRate: 0.05, maxDepth: 2 }
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
};
