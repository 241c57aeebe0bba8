/**
 * The text cell's settings turned into each model's hyperparameters: the
 * lexicon's word list, TF-IDF's character n-grams, the neural models' length,
 * epochs and vocabulary size. Everything else keeps the model's defaults.
 */
import type { TextKind, TextRequest } from './job';

type Settings = (params: Record<string, unknown>, req: TextRequest) => Record<string, unknown>;

const neural: Settings = (params, req) => ({ ...params, maxLength: req.neural.maxLength, epochs: req.neural.epochs, vocabSize: req.neural.vocabSize });

/** Per text kind, which of the cell's settings reach its hyperparameters. */
const SETTINGS: Record<TextKind, Settings> = {
	lexicon: (params, req) => ({ ...params, source: req.lexicon.source, custom: req.lexicon.custom ?? [] }),
	tfidf: (params, req) => ({ ...params, charNgrams: req.charNgrams }),
	rnn: neural,
	transformer: neural,
	pretrained: neural
};

export function paramsFor(kind: TextKind, model: { defaults: Record<string, unknown> }, req: TextRequest): Record<string, unknown> {
	return SETTINGS[kind]({ ...model.defaults }, req);
}
