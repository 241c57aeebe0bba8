/**
 * What the workers, the scripts and the interface use of the models' shared
 * parts: raw columns and feature preparation, splits, metrics, seeded
 * randomness, state encoding, cancellation and input errors.
 */
export { rowCount, textAt, type RawColumn } from './columns';
export { buildDataset, buildFeatures, encodeTarget, planFeatures, targetClasses, type FeatureInfo, type FeaturePlan } from './features';
export { stratifiedFolds, stratifiedSplit, type Split } from './splits';
export * from './metrics';
export { createRng, randomInt, shuffle } from './random';
export { decodeState, encodeState, fromBase64, toBase64 } from './state-json';
export { cancelledError, createYielder, isCancelled, throwIfAborted, yieldAndCheck } from './cancel';
export { nextTask } from './next-task';
export { pastStopAt } from './stop-at';
export { rowKernelAvailable } from './tree/row-kernel';
export { inputError, isInputError, INPUT_ERROR } from './input-error';
export { idLikeName, nameWords, targetNameRank } from './column-names';
/** Training's progress lines in the page's language (the workers word theirs with it too). */
export { P as PROGRESS } from './progress-words';
