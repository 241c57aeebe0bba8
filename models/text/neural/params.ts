/**
 * Hyperparameters shared by the neural text models (recurrent network,
 * transformer, fine-tuned pretrained transformer). `maxLength`, `epochs` and
 * `vocabSize` come from the text cell (`NeuralOptions`); the rest keep the
 * model's defaults, chosen to be sensible on a few thousand reviews in any
 * language rather than tuned to one data set.
 */
import { NEURAL_DEFAULTS, type NeuralOptions } from '../job';

/** What the shared training loop needs (the pretrained model's widths come from its file). */
export interface TrainingParams extends NeuralOptions {
	/** Dropout on embeddings, hidden activations and the pooled features while training, 0..<1. */
	dropout: number;
	/** Share of a training text's tokens replaced by `<unk>` in each batch (word dropout), 0..<1. */
	wordDropout: number;
	/** Peak Adam step size (reached after a short linear warm-up). */
	learningRate: number;
	/** Decoupled weight decay (AdamW) on weight matrices, per step and unit of learning rate. */
	weightDecay: number;
	/** Texts per mini-batch. */
	batchSize: number;
	/** Stop after this many epochs without a better validation loss (the best weights are kept). */
	patience: number;
	/** Share of the training rows held out for early stopping when `ctx.validation` is absent. */
	validationFraction: number;
	/** Tokens seen in fewer training texts stay `<unk>`. */
	minCount: number;
	/** Decay of the running average of the weights that is kept (0 = the raw weights), 0..<1. */
	averageDecay: number;
}

/**
 * The training settings every neural model starts from; each overrides what
 * suits it (dropout by model size, a low rate for fine-tuning).
 */
export const TRAINING_DEFAULTS: TrainingParams = {
	...NEURAL_DEFAULTS,
	dropout: 0.3,
	wordDropout: 0.25,
	learningRate: 0.001,
	weightDecay: 0.01,
	batchSize: 32,
	patience: 2,
	validationFraction: 0.1,
	minCount: 2,
	averageDecay: 0.995
};

/** A network trained from scratch: the training settings plus its embedding width. */
export interface NeuralParams extends TrainingParams {
	/** Width of the learned token embeddings. */
	embeddingDim: number;
}

const positiveInt = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
const rate = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v < 1;

/** Throws a clear message for the first invalid value. */
export function checkNeuralParams(p: NeuralParams): void {
	checkTrainingParams(p);
	if (!positiveInt(p.embeddingDim)) throw new Error(`invalid embeddingDim: ${p.embeddingDim}`);
}

export function checkTrainingParams(p: TrainingParams): void {
	if (!positiveInt(p.maxLength)) throw new Error(`invalid maxLength: ${p.maxLength} (a whole number of tokens ≥ 1)`);
	if (!positiveInt(p.epochs)) throw new Error(`invalid epochs: ${p.epochs}`);
	if (!(positiveInt(p.vocabSize) && p.vocabSize >= 3)) throw new Error(`invalid vocabSize: ${p.vocabSize} (at least 3)`);
	if (!rate(p.dropout)) throw new Error(`invalid dropout: ${p.dropout} (0 to <1)`);
	if (!rate(p.wordDropout)) throw new Error(`invalid wordDropout: ${p.wordDropout} (0 to <1)`);
	if (!(p.learningRate > 0)) throw new Error(`invalid learningRate: ${p.learningRate}`);
	if (!(p.weightDecay >= 0)) throw new Error(`invalid weightDecay: ${p.weightDecay}`);
	if (!positiveInt(p.batchSize)) throw new Error(`invalid batchSize: ${p.batchSize}`);
	if (!positiveInt(p.patience)) throw new Error(`invalid patience: ${p.patience}`);
	if (!rate(p.validationFraction)) throw new Error(`invalid validationFraction: ${p.validationFraction} (0 to <1)`);
	if (!positiveInt(p.minCount)) throw new Error(`invalid minCount: ${p.minCount}`);
	if (!rate(p.averageDecay)) throw new Error(`invalid averageDecay: ${p.averageDecay} (0 to <1)`);
}
