/**
 * The part of the explanations the page's main thread uses without
 * TensorFlow.js (`index.ts` loads the learners): which combinations of
 * categorical values real customers have, the plausibility rule of the
 * counterfactual search (next-best offers follow it too).
 */
export { pairsSeen, plausibleCodes, type PairsSeen } from './plausible';
