/**
 * VADER (Hutto & Gilbert, ICWSM 2014) through its official JavaScript port,
 * `vader-sentiment` (Apache-2.0): the score is the package's compound score,
 * with its own rules for negation, boosters ("very"), capitals, "but" and
 * exclamation marks. Texts are cleaned first (HTML removed), case kept:
 * VADER reads capitals as emphasis.
 *
 * Token weights are the package's own per-word valences, read while it scores
 * the text (see `valences`), so they add up to the sum the compound squashes:
 * the explanation always agrees with the score's sign.
 */
import type { VaderAnalyzer } from 'vader-sentiment';
import { tokenize, type Token } from '../tokenize';
import { negators } from '../negation';
import { negatorName } from './terms';
import { sigmoid, type ScoreAnalysis, type ScorePart, type Scorer } from './scorer';

/**
 * Usual VADER convention: positive when compound ≥ 0.05. The package rounds the
 * compound to 4 decimals, so 0.04995 puts exactly those texts above 0.5.
 */
export const VADER_THRESHOLD = 0.04995;
/** Slope of p(positive): compound 0.5 → p ≈ 0.9, compound 1 → p ≈ 0.99. */
const VADER_SCALE = 0.2;

let loading: Promise<VaderAnalyzer> | null = null;

/** The package, loaded on first use (it stays out of the page's first bundle). */
export function loadVader(): Promise<VaderAnalyzer> {
	loading ??= import('vader-sentiment').then((m) => {
		const analyzer = m.SentimentIntensityAnalyzer ?? m.default?.SentimentIntensityAnalyzer;
		if (!analyzer?.polarity_scores) throw new Error('The VADER package did not load (no SentimentIntensityAnalyzer).');
		return analyzer;
	});
	return loading;
}

/**
 * The words VADER saw and the valence it gave each one, after all its rules.
 * `polarity_scores` computes them, applies `but_check` (through the class) and
 * sums them; we observe that step by wrapping `but_check` for the duration of
 * this synchronous call, then restore it. The compound is unchanged.
 */
function valences(vader: VaderAnalyzer, text: string): { words: string[]; sentiments: number[]; compound: number } {
	const original = vader.but_check;
	let words: string[] = [];
	let sentiments: number[] = [];
	vader.but_check = (w, s) => {
		words = w;
		sentiments = original.call(vader, w, s);
		return sentiments;
	};
	try {
		const { compound } = vader.polarity_scores(text);
		return { words, sentiments: [...sentiments], compound };
	} finally {
		vader.but_check = original;
	}
}

/**
 * Offsets of VADER's words in `text`: it splits on whitespace, drops one-character
 * pieces and trims one run of punctuation off a piece, so word i is a substring
 * of the i-th piece longer than one character.
 */
function wordSpans(text: string, words: string[]): { start: number; end: number }[] | null {
	const spans: { start: number; end: number }[] = [];
	let at = 0;
	for (const piece of text.split(/\s/)) {
		if (piece.length > 1) {
			const word = words[spans.length];
			if (word === undefined) return null;
			const inner = piece.indexOf(word);
			spans.push(inner >= 0 ? { start: at + inner, end: at + inner + word.length } : { start: at, end: at + piece.length });
		}
		at += piece.length + 1;
	}
	return spans.length === words.length ? spans : null;
}

const scoredKind = (t: Token) => t.kind === 'word' || t.kind === 'emoji' || t.kind === 'number';

/** Token shares of VADER's sum: word valences on their tokens, the "!"/"?" emphasis on those marks. */
function analyse(vader: VaderAnalyzer, text: string): ScoreAnalysis {
	const tokens = tokenize(text);
	const by = negators(tokens, text);
	const parts: ScorePart[] = tokens.map((t, i) => ({
		start: t.start,
		end: t.end,
		weight: 0,
		term: by[i] >= 0 ? `${negatorName(tokens[by[i]].token)} ${t.token}` : t.token
	}));
	const { words, sentiments, compound } = valences(vader, text);
	const spans = wordSpans(text, words) ?? [];
	let sum = 0;
	spans.forEach((span, w) => {
		const v = sentiments[w] ?? 0;
		if (v === 0) return;
		sum += v;
		const inside = tokens.map((t, i) => i).filter((i) => scoredKind(tokens[i]) && tokens[i].start < span.end && tokens[i].end > span.start);
		// A VADER word our tokenizer does not see (rare): it keeps its own span.
		if (!inside.length) parts.push({ ...span, weight: v, term: text.slice(span.start, span.end).toLowerCase() });
		for (const i of inside) parts[i].weight += v / inside.length;
	});
	// VADER adds its punctuation emphasis in the direction of the sum; the marks carry it.
	if (sum !== 0) {
		const sign = Math.sign(sum);
		for (const [mark, amount] of [['!', vader.amplify_ep(text)], ['?', vader.amplify_qm(text)]] as const) {
			const marks = tokens.map((t, i) => i).filter((i) => tokens[i].token === mark);
			for (const i of marks) parts[i].weight += (sign * amount) / marks.length;
		}
	}
	parts.sort((a, b) => a.start - b.start);
	return { text, score: compound, parts };
}

export async function vaderScorer(): Promise<Scorer> {
	const vader = await loadVader();
	return {
		score: (text) => vader.polarity_scores(text).compound,
		analyse: (text) => analyse(vader, text),
		positive: (compound) => sigmoid((compound - VADER_THRESHOLD) / VADER_SCALE),
		method: 'VADER valence of each word after its negation, booster, capitals and "but" rules (the compound score squashes their sum)'
	};
}
