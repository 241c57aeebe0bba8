/**
 * The part of the text models' public surface that loads no TensorFlow.js:
 * kinds and their labels, cleaning, guessing the positive label. The page's
 * main thread imports this; `$models/text` (the learners) stays in the worker.
 */
export { TEXT_KINDS, TEXT_MODEL_LABELS, type LexiconSource, type TextKind, type TextResultKind } from './job';
export { cleanText } from './clean';
export { guessPositive } from './positive';
