/**
 * Recommendations over customer × item ownership: the matrix (wide or long
 * tables), the learners of the catalogue's 'recommend' family, the hybrid
 * blend, the hidden-item evaluation and the job the worker and the CLI run.
 */
export * from './types';
export { isOwnedValue, matrixFromWide, userIds } from './ownership';
export { matrixFromLong } from './long';
export { planProfile, profileFeatures } from './profile';
export { prepareRecommendData } from './prepare';
export { coOwnership, itemSimilarity, SIMILARITIES, type Similarity } from './similarity';
export { hideOneItem, type HiddenItems, type Holdout } from './holdout';
export { coverage, hitRateAndNdcg, rankingQuality, type RankingQuality } from './metrics';
export { rankOf, ranksBefore, topCandidates, type Scores } from './rank';
export { blendFormula, blendScores, standardise, tuneWeights, weightGrid } from './blend';
export { applyPlatt, fitPlatt, type Calibration } from './calibrate';
export { popularityModel, type PopularityState } from './popularity';
export { itemKnnModel, type ItemKnnParams, type ItemKnnState } from './item-knn';
export { alsModel, type AlsParams, type AlsState } from './als';
export { propensityModel, type PropensityParams, type PropensityState } from './propensity';
export { RECOMMENDERS, recommenderOf, type AnyRecommender } from './registry';
export { runRecommend, type RecommendJobContext, type RecommendProgress } from './pipeline';
export { checkState } from './state';
export type { RecommendKind, RecommendLearnerKind } from '../catalog';
