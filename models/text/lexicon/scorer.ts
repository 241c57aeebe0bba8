/**
 * What every lexicon source provides: a sentiment score per text (no labels
 * involved), the share of that score each token carries (explanations), and
 * a fixed mapping of the score to p(positive) whose 0.5 point is the
 * source's usual "positive" threshold.
 */
import { tokenize } from '../tokenize';
import { matchTerms, type TermTable } from './terms';

/** One token's share of a text's score. `term` names what matched, for top-term lists ("not good"). */
export interface ScorePart {
	start: number;
	end: number;
	weight: number;
	term: string | null;
}

export interface ScoreAnalysis {
	/** Offsets of `parts` point into this (cleaned) text. */
	text: string;
	score: number;
	/** Every token of the text (weight 0 where nothing matched), in text order. */
	parts: ScorePart[];
}

export interface Scorer {
	/** Sentiment score of a cleaned text: positive = favourable. */
	score(text: string): number;
	/** The score and each token's share of it (shares add up to the score, or to its pre-squashing sum for VADER). */
	analyse(text: string): ScoreAnalysis;
	/** p(positive) from a score: above 0.5 exactly when the source calls the text positive. */
	positive(score: number): number;
	/** What the token weights are, shown with explanations. */
	method: string;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * p(positive) for a sum of word scores: 0.5 at half a typical word's score, so
 * one typical positive word (net) makes a text positive and a text with no
 * sentiment words stays below 0.5; `unit` (a typical |score|, e.g. 1 for
 * Bing's ±1) sets the slope so lists on any scale behave the same.
 */
export const wordSumProbability = (unit: number) => (score: number) => sigmoid((score - unit / 2) / unit);

/** Median |score| of the non-zero entries: the "typical word" of a list on any scale. */
export function typicalScore(scores: Iterable<number>): number {
	const abs = [...scores].map(Math.abs).filter((v) => v > 0 && Number.isFinite(v)).sort((a, b) => a - b);
	if (!abs.length) return 1;
	const mid = abs.length >> 1;
	return abs.length % 2 ? abs[mid] : (abs[mid - 1] + abs[mid]) / 2;
}

/** Sum of the matched entries' scores (negation applied). */
export function wordListScore(table: TermTable, text: string): number {
	const tokens = tokenize(text);
	let sum = 0;
	for (const hit of matchTerms(table, tokens, text)) sum += hit.score;
	return sum;
}

/** The score with each token's share: a phrase's score is split evenly over its tokens. */
export function wordListAnalysis(table: TermTable, text: string): ScoreAnalysis {
	const tokens = tokenize(text);
	const parts: ScorePart[] = tokens.map((t) => ({ start: t.start, end: t.end, weight: 0, term: null }));
	let score = 0;
	for (const hit of matchTerms(table, tokens, text)) {
		score += hit.score;
		const share = hit.score / (hit.last - hit.first + 1);
		for (let i = hit.first; i <= hit.last; i++) {
			parts[i].weight = share;
			parts[i].term = hit.term;
		}
	}
	return { text, score, parts };
}

/** A scorer over a word table (Bing, French, custom lists). */
export function wordListScorer(table: TermTable, unit: number, method: string): Scorer {
	return {
		score: (text) => wordListScore(table, text),
		analyse: (text) => wordListAnalysis(table, text),
		positive: wordSumProbability(unit),
		method
	};
}
