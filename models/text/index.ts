/**
 * The text models' public entry: the registry, the trainer that the training
 * worker and `npm run evaluate -- sentiment` run, its request and result, and
 * the parts the pretraining script builds the shipped model from.
 */
export * from './registry';
export * from './job';
export { explainTexts, guessPositive, MAX_CLASSES, parseWordList, predictTexts, readTexts, trainText, type TextTrainContext } from './trainer';

// The shipped model's pretraining (scripts/pretrain-sentiment.ts): text preparation, the transformer and its training loop.
export { cleanText } from './clean';
export { tokensOf } from './tokenize';
export { buildVocab, indexOf } from './vocab';
export { transformerArchitecture, type TransformerConfig } from './neural/attention';
export { trainOptions, trainRows } from './neural/model';
export { scoreSequences } from './neural/network';
export { encodeTexts } from './neural/encode';
export { trainNetwork } from './neural/train';
export { TRANSFORMER_DEFAULTS } from './neural/transformer';
export { Initializer, type WeightSet } from './neural/weights';
export { decodeWeights, encodeWeights, MODEL_FILE_FORMAT, type ModelFile } from './pretrained/weights-file';
