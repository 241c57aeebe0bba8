/**
 * Types for the two lexicon packages, which ship none. Only what the lexicon
 * model calls is declared.
 */

declare module 'vader-sentiment' {
	/** VADER's scores of one text: shares of negative / neutral / positive words and the normalised compound in [-1, 1]. */
	export interface VaderScores {
		neg: number;
		neu: number;
		pos: number;
		compound: number;
	}
	/**
	 * The analyzer (all methods static). `but_check` and the `amplify_*` helpers are
	 * steps of `polarity_scores`, which calls them through the class.
	 */
	export interface VaderAnalyzer {
		polarity_scores(text: string): VaderScores;
		but_check(wordsAndEmoticons: string[], sentiments: number[]): number[];
		amplify_ep(text: string): number;
		amplify_qm(text: string): number;
	}
	export const SentimentIntensityAnalyzer: VaderAnalyzer;
	const vader: { SentimentIntensityAnalyzer: VaderAnalyzer };
	export default vader;
}

declare module '@nlpjs/lang-fr/src/stemmer-fr.js' {
	/** nlp.js's French Snowball stemmer (expects lower-case words without accents, as nlp.js feeds it). */
	export default class StemmerFr {
		stemWord(word: string): string;
	}
}
