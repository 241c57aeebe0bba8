/**
 * TF-IDF features: vocabularies learnt on the training texts only (terms in at
 * least `minDocFreq` texts, the `max*` most frequent kept), smooth idf
 * (ln((1 + n) / (1 + df)) + 1), raw or sublinear (1 + ln tf) term frequency,
 * and each block (words, characters) L2-normalised on its own, then
 * concatenated, like scikit-learn's FeatureUnion of two TfidfVectorizers.
 */
import { tokenizeRaw, type Token } from '../tokenize';
import { charNgrams, hasCharNgrams, wordCharNgrams, wordNgrams } from './ngrams';

export interface FeatureOptions {
	charNgrams: boolean;
	sublinearTf: boolean;
	minDocFreq: number;
	maxWordFeatures: number;
	maxCharFeatures: number;
}

/** The fitted vocabularies: word terms come first in the feature order, then character n-grams. */
export interface Vocabularies {
	wordTerms: string[];
	wordIdf: Float64Array;
	charTerms: string[];
	charIdf: Float64Array;
	sublinearTf: boolean;
}

/** Rows in compressed sparse row form; column indices ascending within a row. */
export interface SparseRows {
	rows: number;
	cols: number;
	indptr: Int32Array;
	indices: Int32Array;
	values: Float64Array;
}

/** Document frequency of each term, in first-appearance order. */
function documentFrequencies(docs: readonly Token[][], each: (tokens: readonly Token[], emit: (term: string) => void) => void): Map<string, number> {
	const df = new Map<string, number>();
	const seen = new Set<string>();
	for (const tokens of docs) {
		seen.clear();
		each(tokens, (term) => {
			if (seen.has(term)) return;
			seen.add(term);
			df.set(term, (df.get(term) ?? 0) + 1);
		});
	}
	return df;
}

/** Terms seen in `minDf` documents or more, the `max` most frequent (ties by term, so the order never depends on row order). */
function keepTerms(df: Map<string, number>, minDf: number, max: number, n: number): { terms: string[]; idf: Float64Array } {
	const kept = [...df].filter(([, d]) => d >= minDf);
	kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	const top = kept.slice(0, max);
	return { terms: top.map(([t]) => t), idf: Float64Array.from(top, ([, d]) => Math.log((1 + n) / (1 + d)) + 1) };
}

export function fitVocabularies(docs: readonly Token[][], options: FeatureOptions): Vocabularies {
	const n = docs.length;
	const words = keepTerms(
		documentFrequencies(docs, (tokens, emit) => wordNgrams(tokens, emit)),
		options.minDocFreq,
		options.maxWordFeatures,
		n
	);
	const chars = options.charNgrams
		? keepTerms(documentFrequencies(docs, (tokens, emit) => charNgrams(tokens, emit)), options.minDocFreq, options.maxCharFeatures, n)
		: { terms: [], idf: new Float64Array(0) };
	return { wordTerms: words.terms, wordIdf: words.idf, charTerms: chars.terms, charIdf: chars.idf, sublinearTf: options.sublinearTf };
}

const CHAR_CACHE_WORDS = 200_000;

/** Turns token lists into TF-IDF rows; keeps one scratch buffer, so it is cheap per text. */
export class Vectorizer {
	readonly cols: number;
	private readonly nWords: number;
	private readonly sublinearTf: boolean;
	private readonly wordIndex: Map<string, number>;
	private readonly charIndex: Map<string, number>;
	private readonly idf: Float64Array;
	private readonly counts: Float64Array;
	private readonly touched: number[] = [];
	/** Character n-gram features of each word seen (words repeat a lot: scoring stays fast). */
	private readonly charCache = new Map<string, Int32Array>();

	constructor(vocab: Vocabularies) {
		const nWords = vocab.wordTerms.length;
		this.nWords = nWords;
		this.sublinearTf = vocab.sublinearTf;
		this.wordIndex = new Map(vocab.wordTerms.map((t, i) => [t, i]));
		this.charIndex = new Map(vocab.charTerms.map((t, i) => [t, nWords + i]));
		this.cols = nWords + vocab.charTerms.length;
		this.idf = new Float64Array(this.cols);
		this.idf.set(vocab.wordIdf);
		this.idf.set(vocab.charIdf, nWords);
		this.counts = new Float64Array(this.cols);
	}

	/** Feature index of a word n-gram / character n-gram, or undefined when not in the vocabulary. */
	wordFeature(term: string): number | undefined {
		return this.wordIndex.get(term);
	}
	charFeature(gram: string): number | undefined {
		return this.charIndex.get(gram);
	}
	get usesChars(): boolean {
		return this.charIndex.size > 0;
	}

	/** The TF-IDF row of one tokenized text: sorted feature indices and their values. */
	row(tokens: readonly Token[]): { indices: Int32Array; values: Float64Array } {
		const { counts, touched } = this;
		const add = (f: number | undefined) => {
			if (f === undefined) return;
			if (counts[f] === 0) touched.push(f);
			counts[f]++;
		};
		wordNgrams(tokens, (term) => add(this.wordIndex.get(term)));
		if (this.usesChars) {
			for (const t of tokens) if (hasCharNgrams(t)) for (const f of this.charFeaturesOf(t.token)) add(f);
		}
		// Typed-array sort is numeric and far faster than Array#sort with a comparator.
		const indices = Int32Array.from(touched).sort();
		const values = new Float64Array(indices.length);
		const nWords = this.nWords;
		let wordNorm = 0;
		let charNorm = 0;
		for (let i = 0; i < indices.length; i++) {
			const f = indices[i];
			const tf = this.sublinearTf ? 1 + Math.log(counts[f]) : counts[f];
			const v = tf * this.idf[f];
			values[i] = v;
			if (f < nWords) wordNorm += v * v;
			else charNorm += v * v;
			counts[f] = 0;
		}
		touched.length = 0;
		wordNorm = Math.sqrt(wordNorm) || 1;
		charNorm = Math.sqrt(charNorm) || 1;
		for (let i = 0; i < indices.length; i++) values[i] /= indices[i] < nWords ? wordNorm : charNorm;
		return { indices, values };
	}

	private charFeaturesOf(word: string): Int32Array {
		let ids = this.charCache.get(word);
		if (!ids) {
			const found: number[] = [];
			wordCharNgrams(word, (gram) => {
				const f = this.charIndex.get(gram);
				if (f !== undefined) found.push(f);
			});
			ids = Int32Array.from(found);
			// Bounded memory on huge corpora: start over rather than grow without end.
			if (this.charCache.size >= CHAR_CACHE_WORDS) this.charCache.clear();
			this.charCache.set(word, ids);
		}
		return ids;
	}

	/** CSR rows of many tokenized texts. */
	rows(docs: readonly (readonly Token[])[]): SparseRows {
		const parts = docs.map((tokens) => this.row(tokens));
		const indptr = new Int32Array(docs.length + 1);
		parts.forEach((p, i) => (indptr[i + 1] = indptr[i] + p.indices.length));
		const indices = new Int32Array(indptr[docs.length]);
		const values = new Float64Array(indptr[docs.length]);
		parts.forEach((p, i) => {
			indices.set(p.indices, indptr[i]);
			values.set(p.values, indptr[i]);
		});
		return { rows: docs.length, cols: this.cols, indptr, indices, values };
	}
}

/** Tokens of raw texts (cleaned first), as every TF-IDF step reads them. */
export const tokenLists = (texts: readonly string[]): Token[][] => texts.map((t) => tokenizeRaw(t).tokens);
