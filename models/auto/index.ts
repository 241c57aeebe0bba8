/**
 * The automatic tabular mode for the training worker and `npm run evaluate`:
 * the trainer, its request and result types, and the blend of several kinds.
 */
export { trainTabular } from './trainer';
export { splitRows, targetCodes } from './split-rows';
export * from './types';
export { averagePredictions, ENSEMBLE_KIND, isEnsemble, makeEnsemble, predictAny, type EnsembleState } from './ensemble';
export { BUDGET_SHARE, SEARCH_SPACES, type SearchSpace } from './spaces';
