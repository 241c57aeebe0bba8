/**
 * The Bing Liu opinion lexicon (Hu & Liu, KDD-2004): about 2,000 positive and
 * 4,800 negative English words, each worth ±1. A text's score is its positive
 * matches minus its negative ones, negation flipping the sign ("not good" = −1);
 * it is called positive when that count is above 0.
 */
import { buildTermTable } from './terms';
import { wordListScorer, type Scorer } from './scorer';

let loading: Promise<Scorer> | null = null;

/** The word list is a generated module loaded on first use (out of the page's first bundle). */
export function bingScorer(): Promise<Scorer> {
	loading ??= import('./bing-words').then(({ POSITIVE, NEGATIVE }) => {
		const entries = [
			...POSITIVE.split(' ').map((word) => ({ word, score: 1 })),
			...NEGATIVE.split(' ').map((word) => ({ word, score: -1 }))
		];
		return wordListScorer(buildTermTable(entries), 1, 'Bing lexicon: +1 per positive word, −1 per negative word, sign flipped after a negation');
	});
	return loading;
}
