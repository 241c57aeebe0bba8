import { logUniform, pick, round, type SearchSpace } from '../shared/search-space';

/** Logistic regression: inverse L2 strength C 0.01-10 (log), with or without balanced class weights; first scikit-learn's default (L2, C = 1). */
export const logisticSpace: SearchSpace = {
	first: [{}, { C: 0.1 }],
	sample: (rng) => ({ C: round(logUniform(rng, 0.01, 10)), classWeight: pick(rng, ['none', 'none', 'balanced']) }),
	maxTrials: 8
};
