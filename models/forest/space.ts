import { pick, type SearchSpace } from '../shared/search-space';

/**
 * Random forest: 200-500 trees, depth 6-16, min leaf 1-20, features per split √n (0), 30 % or 50 %.
 * Starts from our default (300 trees, depth 12), then scikit-learn's (100 trees grown to purity,
 * √n features: maxDepth 0 is unlimited), then a shallower, smoother forest.
 */
export const forestSpace: SearchSpace = {
	first: [{}, { nEstimators: 100, maxDepth: 0 }, { maxDepth: 8, minSamplesLeaf: 5 }],
	sample: (rng) => ({
		nEstimators: pick(rng, [200, 300, 500]),
		maxDepth: pick(rng, [6, 8, 10, 12, 16]),
		minSamplesLeaf: pick(rng, [1, 2, 5, 10, 20]),
		maxFeatures: pick(rng, [0, 0.3, 0.5])
	}),
	maxTrials: 8
};
