/**
 * The lexicon model: sentiment from a word list, with no training. Sources:
 * VADER (English rules, `vader-sentiment`), the Bing opinion lexicon
 * (English, ±1 words), the French pattern lexicon (full forms, then nlp.js stems), or the user's own
 * list (any language). `fit` only checks the classes and loads the list; the
 * score becomes p(positive) by a fixed squashing whose 0.5 point is the
 * source's usual threshold (VADER compound ≥ 0.05; Bing net count > 0; French
 * and custom lists: half a typical word's score), then class probabilities
 * (two classes, or ordered ones such as 1–5 stars; see ./classes).
 */
import type { LexiconOptions, LexiconSource } from '../job';
import type { Prediction, TermWeight, TextExplanation, TextModelSpec, TextModelState } from '../types';
import { cleanText } from '../clean';
import { cancelledError } from '../../shared/cancel';
import { classDirection, classPositions, writeProbabilities } from './classes';
import { LEXICON_SOURCES, scorerFor } from './sources';
import type { WordScore } from './custom';
import { MODEL_CATALOG } from '../../catalog';

export { parseWordList } from './word-list';
export { orderedPositions } from './classes';
export { VADER_THRESHOLD } from './vader';
export type { WordScore } from './custom';

/** Hyperparameters of `lexiconModel`: which list scores the texts. */
export interface LexiconParams extends LexiconOptions {
	/** The user's list for source 'custom' (from `parseWordList`); ignored by the other sources. */
	custom: WordScore[];
}

/** A lexicon "fit": plain data, the word lists themselves are loaded again when scoring. */
export interface LexiconState extends TextModelState {
	kind: 'lexicon';
	version: 1;
	source: LexiconSource;
	/** The custom list (source 'custom' only, else empty). */
	custom: WordScore[];
	/** Positions of ordered classes on the opinion scale; null for two classes. */
	positions: number[] | null;
}

const VERSION = 1;

function checkState(state: LexiconState): void {
	if (state?.kind !== 'lexicon') throw new Error(`invalid model kind: ${state?.kind} (expected lexicon)`);
	if (state.version !== VERSION) throw new Error(`invalid lexicon model version: ${state.version}`);
}

function checkClassIndex(state: LexiconState, classIndex: number): void {
	if (!(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < state.classes.length)) {
		throw new Error(`invalid class index ${classIndex} (the model has ${state.classes.length} classes)`);
	}
}

const scorerOf = (state: LexiconState) => scorerFor(state.source, state.source === 'custom' ? state.custom : undefined);

export const lexiconModel: TextModelSpec<LexiconParams, LexiconState> = {
	kind: 'lexicon',
	label: MODEL_CATALOG.lexicon.label,
	defaults: { source: 'vader', custom: [] },
	learns: false,

	async fit(data, params, ctx) {
		const p = { ...lexiconModel.defaults, ...params };
		if (!LEXICON_SOURCES.includes(p.source)) {
			throw new Error(`Unknown lexicon "${String(p.source)}": choose one of ${LEXICON_SOURCES.join(', ')}.`);
		}
		if (p.source === 'custom' && !p.custom?.length) {
			throw new Error('The custom lexicon needs a word list: load a CSV file of "word,score" lines (e.g. "great,1" and "awful,-2").');
		}
		const positions = classPositions(data.classes);
		if (ctx.signal.aborted) throw cancelledError();
		ctx.progress({ fraction: 0, stage: 'Loading the word list' });
		const state: LexiconState = {
			kind: 'lexicon',
			version: VERSION,
			classes: [...data.classes],
			source: p.source,
			custom: p.source === 'custom' ? p.custom.map((e) => ({ word: String(e.word), score: Number(e.score) })) : [],
			positions
		};
		// Loading here surfaces a bad custom list (or a missing package) at fit time, and counts the load in fit time.
		await scorerOf(state);
		if (ctx.signal.aborted) throw cancelledError();
		ctx.progress({ fraction: 1, stage: 'Word list ready' });
		return state;
	},

	async predict(state, texts): Promise<Prediction> {
		checkState(state);
		const scorer = await scorerOf(state);
		const k = state.classes.length;
		const probabilities = new Float64Array(texts.length * k);
		texts.forEach((raw, row) => writeProbabilities(scorer.positive(scorer.score(cleanText(raw))), state.positions, probabilities, row));
		return { classes: [...state.classes], probabilities };
	},

	async explainText(state, text, classIndex): Promise<TextExplanation> {
		checkState(state);
		checkClassIndex(state, classIndex);
		const scorer = await scorerOf(state);
		const clean = cleanText(text);
		const direction = classDirection(state.positions, classIndex);
		const tokens = scorer.analyse(clean).parts.map((p) => ({
			text: clean.slice(p.start, p.end),
			start: p.start,
			end: p.end,
			weight: p.weight * direction || 0
		}));
		// Ordered classes: a positive word counts +1 for the top class, −1 for the bottom one, in between for the others.
		const towards = state.positions ? ` (× ${direction.toFixed(2)} for this class on the ordered scale)` : '';
		return { text: clean, classIndex, tokens, method: `${scorer.method}, towards "${state.classes[classIndex]}"${towards}` };
	},

	/** Lexicon terms (negated ones as "not good") by their summed contribution over `texts`. */
	async topTerms(state, classIndex, n, texts): Promise<TermWeight[]> {
		checkState(state);
		checkClassIndex(state, classIndex);
		const scorer = await scorerOf(state);
		const direction = classDirection(state.positions, classIndex);
		const totals = new Map<string, number>();
		for (const raw of texts) {
			for (const part of scorer.analyse(cleanText(raw)).parts) {
				if (part.term !== null && part.weight !== 0) totals.set(part.term, (totals.get(part.term) ?? 0) + part.weight * direction);
			}
		}
		const sorted = [...totals].map(([term, weight]) => ({ term, weight })).sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
		const half = Math.ceil(n / 2);
		// Strongest for the class first, then the strongest against it (most negative last).
		return [...sorted.filter((t) => t.weight > 0).slice(0, half), ...sorted.filter((t) => t.weight < 0).slice(-half)];
	}
};
