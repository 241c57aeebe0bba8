/**
 * French: the "pattern" lexicon shipped with nlp.js (`@nlpjs/lang-fr`, MIT),
 * about 2,000 entries scored −1..1 and keyed by the stems of nlp.js's French
 * Snowball stemmer, matched as nlp.js does (accents removed, lower case, then
 * stemmed). The word itself is tried before its stem because some feminine or
 * plural forms are entries of their own ("mauvais" −0.71 where the stem "mauv"
 * is 0). Negation (ne, n', pas, jamais, rien, sans…) is our `markNegation`:
 * the list ships none.
 */
import { typicalScore, wordListScorer, type Scorer } from './scorer';
import type { TermTable } from './terms';

const stripAccents = (word: string) => word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

let loading: Promise<Scorer> | null = null;

/** The stemmer and the list load on first use (out of the page's first bundle). */
export function frenchScorer(): Promise<Scorer> {
	loading ??= Promise.all([import('@nlpjs/lang-fr/src/stemmer-fr.js'), import('@nlpjs/lang-fr/src/sentiment/pattern_fr.json')]).then(
		([stemmerModule, patternModule]) => {
			const pattern = new Map(Object.entries(patternModule.default as Record<string, number>));
			const stemmer = new stemmerModule.default();
			const table: TermTable = {
				words: new Map(),
				phrases: new Map(),
				fallback: (key) => {
					const plain = stripAccents(key);
					return pattern.get(plain) ?? pattern.get(stemmer.stemWord(plain));
				}
			};
			// Typical |score| 0.2: a text is positive from a net 0.1 (half of one typical word).
			return wordListScorer(table, typicalScore(pattern.values()), 'French pattern lexicon (nlp.js) score of each word or its stem, sign flipped after a negation');
		}
	);
	return loading;
}
