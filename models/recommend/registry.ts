/**
 * The recommenders: one line per learner kind of the catalogue (family
 * 'recommend'); the hybrid is their blend (`blend.ts`), not a learner.
 */
import type { RecommendLearnerKind } from '../catalog';
import { alsModel } from './als';
import { itemKnnModel } from './item-knn';
import { popularityModel } from './popularity';
import { propensityModel } from './propensity';
import type { Recommender, RecommenderState } from './types';

export const RECOMMENDERS = {
	popularity: popularityModel,
	item_knn: itemKnnModel,
	als: alsModel,
	propensity: propensityModel
} as const satisfies Record<RecommendLearnerKind, unknown>;

/** A recommender seen through the contract alone (params and states as plain records). */
export type AnyRecommender = Recommender<object, RecommenderState>;

export function recommenderOf(kind: string): AnyRecommender {
	if (!Object.hasOwn(RECOMMENDERS, kind)) throw new Error(`invalid recommendation model: ${kind}`);
	return RECOMMENDERS[kind as RecommendLearnerKind] as unknown as AnyRecommender;
}
