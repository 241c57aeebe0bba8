import { logUniform, pick, round, type SearchSpace } from '../shared/search-space';

/** Logistic regression: inverse L2 strength C 0.01-10 (log), with or without balanced class weights. */
export const logisticSpace: SearchSpace = {
	first: [{}, { C: 0.1 }],
	sample: (rng) => ({ C: round(logUniform(rng, 0.01, 10)), classWeight: pick(rng, ['none', 'none', 'balanced']) }),
	maxTrials: 8
};
