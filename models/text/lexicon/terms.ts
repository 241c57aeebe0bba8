/**
 * A word list matched against tokenized text: the Bing, French and custom
 * lexicons all score a text as the sum of the scores of the words (and short
 * phrases) it contains, with the sign flipped inside a negation's scope
 * ("not good", "pas bon"). Entries are normalised with the shared tokenizer,
 * so "Great", "great" and "GREAT" match the same entry.
 */
import { cleanText } from '../clean';
import { tokenize, type Token } from '../tokenize';
import { NEGATORS, negators } from '../negation';

/** Longest phrase entry kept (in tokens): longer ones are sentences, not lexicon entries. */
export const MAX_PHRASE_TOKENS = 5;

/** Skin tones and the emoji variation selector: "👍🏽" scores like "👍". */
const EMOJI_VARIANTS = /[\u{1f3fb}-\u{1f3ff}\u{fe0f}]/gu;

/** The key a token is looked up by. */
export const termKey = (t: Token): string => (t.kind === 'emoji' ? t.token.replace(EMOJI_VARIANTS, '') : t.token);

interface Phrase {
	keys: string[];
	score: number;
	term: string;
}

export interface TermTable {
	/** Single-token entries. */
	words: Map<string, number>;
	/** Multi-token entries by their first token, longest first. */
	phrases: Map<string, Phrase[]>;
	/**
	 * Score of a token that is not an entry itself (the French lexicon stems
	 * here); undefined when unknown.
	 */
	fallback?: (key: string) => number | undefined;
}

/**
 * A table from `{word, score}` entries; a later duplicate replaces an earlier one.
 * Hyphenated entries also match with spaces ("well-made" ~ "well made").
 */
export function buildTermTable(entries: readonly { word: string; score: number }[]): TermTable {
	const words = new Map<string, number>();
	const phraseByText = new Map<string, Phrase>();
	const addPhrase = (keys: string[], score: number) => {
		if (keys.length <= MAX_PHRASE_TOKENS) phraseByText.set(keys.join(' '), { keys, score, term: keys.join(' ') });
	};
	for (const { word, score } of entries) {
		const keys = tokenize(cleanText(word))
			.filter((t) => t.kind !== 'punct')
			.map(termKey);
		if (keys.length === 1) {
			words.set(keys[0], score);
			const parts = keys[0].split('-').filter(Boolean);
			if (parts.length > 1 && !phraseByText.has(parts.join(' '))) addPhrase(parts, score);
		} else if (keys.length > 1) addPhrase(keys, score);
	}
	const phrases = new Map<string, Phrase[]>();
	for (const p of phraseByText.values()) {
		const list = phrases.get(p.keys[0]) ?? [];
		list.push(p);
		phrases.set(p.keys[0], list);
	}
	for (const list of phrases.values()) list.sort((a, b) => b.keys.length - a.keys.length);
	return { words, phrases };
}

/** Number of entries a text can match (single words and phrases). */
export const tableSize = (table: TermTable): number =>
	table.words.size + [...table.phrases.values()].reduce((s, l) => s + l.length, 0);

function lookupWord(table: TermTable, key: string): number | undefined {
	const direct = table.words.get(key) ?? table.fallback?.(key);
	if (direct !== undefined) return direct;
	// "super-tasty", "over-salted": an unknown compound scores as the sum of its known parts.
	if (!key.includes('-')) return undefined;
	let sum: number | undefined;
	for (const part of key.split('-')) {
		const v = part ? (table.words.get(part) ?? table.fallback?.(part)) : undefined;
		if (v !== undefined) sum = (sum ?? 0) + v;
	}
	return sum;
}

/** One matched entry: tokens `first..last`, its score after negation, and its display name. */
export interface TermHit {
	first: number;
	last: number;
	score: number;
	term: string;
}

/**
 * The entries found in `tokens` (of the cleaned `text`), left to right, longest
 * phrase first. A negator is never scored as a word: it only flips what follows.
 */
export function matchTerms(table: TermTable, tokens: readonly Token[], text: string): TermHit[] {
	const by = negators(tokens, text);
	const hits: TermHit[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (t.kind === 'punct' || t.kind === 'number') continue;
		const key = termKey(t);
		let score: number | undefined;
		let last = i;
		let term = t.token;
		for (const p of table.phrases.get(key) ?? []) {
			if (i + p.keys.length > tokens.length) continue;
			if (p.keys.every((k, j) => termKey(tokens[i + j]) === k)) {
				score = p.score;
				last = i + p.keys.length - 1;
				term = p.term;
				break;
			}
		}
		// A negator alone is never scored (a phrase starting with one, "pas terrible", is).
		if (score === undefined && NEGATORS.has(t.token)) continue;
		score ??= lookupWord(table, key);
		if (score === undefined || score === 0) continue;
		if (by[i] >= 0) {
			score = -score;
			term = `${negatorName(tokens[by[i]].token)} ${term}`;
		}
		hits.push({ first: i, last, score, term });
		i = last;
	}
	return hits;
}

/** How a negated term is named in top-term lists: "not good", "pas bon" ("n'" reads as "ne"). */
export const negatorName = (token: string): string => (token === "n'" ? 'ne' : token);
