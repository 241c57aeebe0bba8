/**
 * The text cell's settings turned into each model's hyperparameters: the
 * lexicon's word list, TF-IDF's character n-grams, the neural models' length,
 * epochs and vocabulary size. Everything else keeps the model's defaults.
 */
import type { TextKind, TextRequest } from './job';

export function paramsFor(kind: TextKind, model: { defaults: Record<string, unknown> }, req: TextRequest): Record<string, unknown> {
	const params = { ...model.defaults };
	switch (kind) {
		case 'lexicon':
			return { ...params, source: req.lexicon.source, custom: req.lexicon.custom ?? [] };
		case 'tfidf':
			return { ...params, charNgrams: req.charNgrams };
		default:
			return { ...params, maxLength: req.neural.maxLength, epochs: req.neural.epochs, vocabSize: req.neural.vocabSize };
	}
}
