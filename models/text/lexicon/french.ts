/**
 * French: the CLiPS "pattern" French sentiment lexicon (polarity −1..1), in
 * two shapes:
 * - its 5,113 full word forms (every adjective's masculine, feminine and
 *   plural written out) from npm `natural` 8.1.1 (MIT), generated into
 *   `french-forms.ts` by `scripts/build-french-lexicon.mjs`;
 * - about 2,000 entries keyed by the stems of nlp.js's French Snowball
 *   stemmer (`@nlpjs/lang-fr`, MIT), for the verbs and nouns the forms lack.
 * A word is looked up as written, then without accents, then by its stem.
 * The full forms come first because stems merge words of opposite sense:
 * the stem "cher" is scored +0.5 (as in "chéri"), the adjective "cher"
 * (expensive) −0.21, so "pas cher" reads positive and "trop cher" negative.
 * Negation (ne, n', pas, jamais, rien, sans…) is our `markNegation`: the
 * lists ship none.
 */
import { typicalScore, wordListScorer, type Scorer } from './scorer';
import type { TermTable } from './terms';

const stripAccents = (word: string) => word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** "form score form score …" → form → score, also under the form without accents (the first form wins). */
function parseForms(packed: string): { exact: Map<string, number>; plain: Map<string, number> } {
	const parts = packed.split(' ');
	const exact = new Map<string, number>();
	const plain = new Map<string, number>();
	for (let i = 0; i + 1 < parts.length; i += 2) {
		const score = Number(parts[i + 1]);
		exact.set(parts[i], score);
		const bare = stripAccents(parts[i]);
		if (!plain.has(bare)) plain.set(bare, score);
	}
	return { exact, plain };
}

let loading: Promise<Scorer> | null = null;

/** The lists and the stemmer load on first use (out of the page's first bundle). */
export function frenchScorer(): Promise<Scorer> {
	loading ??= Promise.all([import('./french-forms'), import('@nlpjs/lang-fr/src/stemmer-fr.js'), import('@nlpjs/lang-fr/src/sentiment/pattern_fr.json')]).then(
		([formsModule, stemmerModule, patternModule]) => {
			const forms = parseForms(formsModule.FORMS);
			const stems = new Map(Object.entries(patternModule.default as Record<string, number>));
			const stemmer = new stemmerModule.default();
			const table: TermTable = {
				words: new Map(),
				phrases: new Map(),
				fallback: (key) => {
					const plain = stripAccents(key);
					return forms.exact.get(key) ?? forms.plain.get(plain) ?? stems.get(plain) ?? stems.get(stemmer.stemWord(plain));
				}
			};
			// Typical |score| 0.2: a text is positive from a net 0.1 (half of one typical word).
			return wordListScorer(
				table,
				typicalScore(stems.values()),
				'French pattern lexicon (full forms, else nlp.js stems) score of each word, sign flipped after a negation'
			);
		}
	);
	return loading;
}
