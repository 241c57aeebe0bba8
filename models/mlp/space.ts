import { logUniform, pick, round, uniform, type SearchSpace } from '../shared/search-space';

/** Neural network: hidden layers, dropout 0-0.5, learning rate 3e-4-3e-3 (log), L2 1e-6-1e-3 (log). */
export const mlpSpace: SearchSpace = {
	first: [{}],
	sample: (rng) => ({
		hiddenLayers: pick(rng, [[32], [64, 32], [128, 64]]),
		dropout: round(uniform(rng, 0, 0.5)),
		learningRate: round(logUniform(rng, 3e-4, 3e-3)),
		l2: round(logUniform(rng, 1e-6, 1e-3))
	}),
	maxTrials: 4
};
