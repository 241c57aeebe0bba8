/**
 * The tokenizer every text model shares. Words are runs of letters, marks and
 * digits in any script (Latin with accents, Arabic, Cyrillic, CJK runs …);
 * apostrophes inside words are kept ("don't") except after French elisions,
 * which become their own token ("l'avion" → "l'", "avion"); emoji (with their
 * modifiers and joiners) and the common ASCII emoticons (":)", ":-(", "<3") are
 * tokens; "!" and "?" are tokens because they carry sentiment. Tokens are lower-cased one by one, keeping accents.
 */
import { cleanText } from './clean';

export interface Token {
	/** Lower-cased, apostrophes normalised to "'". */
	token: string;
	/** Offsets into the text given to `tokenize` (the cleaned text). */
	start: number;
	end: number;
	kind: 'word' | 'number' | 'emoji' | 'punct';
}

/** French elided forms: "l'", "d'", "qu'", "jusqu'" … written before a vowel or h. */
const ELISIONS = new Set(['c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);

const TOKEN_RE = new RegExp(
	[
		// emoji: a pictograph (or keycap/flag pieces) with variation selectors, skin tones and ZWJ sequences
		String.raw`(?<emoji>\p{Extended_Pictographic}(?:[\u{fe0f}\u{1f3fb}-\u{1f3ff}]|\u{200d}\p{Extended_Pictographic})*|[\u{1f1e6}-\u{1f1ff}]{2})`,
		// ASCII emoticons: eyes, optional nose, mouth; not when a letter, digit or "/" follows
		// ("10:30", "http://", "Note:Do" stay as they were).
		String.raw`(?<emoticon>(?:[:;=][\-^']?[)(\]\[DPp3/\\|*]|<\/?3)(?![\p{L}\p{N}/]))`,
		// decimal numbers ("3.5", "4,99") stay one token
		String.raw`(?<decimal>\p{N}+(?:[.,]\p{N}+)+)`,
		// words: letters/marks/digits joined by inner apostrophes or hyphens
		String.raw`(?<word>[\p{L}\p{M}\p{N}]+(?:['’ʼ\-][\p{L}\p{M}\p{N}]+)*)`,
		String.raw`(?<punct>[!?])`
	].join('|'),
	'gu'
);

const APOSTROPHES = /[’ʼ]/g;
const DIGITS_ONLY = /^[\p{N}]+$/u;

/** Tokens of `text` (call `cleanText` first for raw input; `tokenizeRaw` does both). */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	for (const m of text.matchAll(TOKEN_RE)) {
		const start = m.index!;
		const g = m.groups!;
		if (g.emoji || g.emoticon) {
			const e = g.emoji ?? g.emoticon;
			tokens.push({ token: e, start, end: start + e.length, kind: 'emoji' });
		} else if (g.decimal) {
			tokens.push({ token: g.decimal, start, end: start + g.decimal.length, kind: 'number' });
		} else if (g.punct) {
			tokens.push({ token: g.punct, start, end: start + 1, kind: 'punct' });
		} else {
			pushWord(tokens, g.word, start);
		}
	}
	return tokens;
}

function pushWord(tokens: Token[], word: string, start: number): void {
	const lower = word.toLowerCase().replace(APOSTROPHES, "'");
	// lower-casing keeps the length for every script we split here (checked: offsets must stay exact).
	const cut = lower.indexOf("'");
	if (cut > 0 && lower.length === word.length && ELISIONS.has(lower.slice(0, cut))) {
		tokens.push({ token: lower.slice(0, cut + 1), start, end: start + cut + 1, kind: 'word' });
		pushWord(tokens, word.slice(cut + 1), start + cut + 1);
		return;
	}
	tokens.push({ token: lower, start, end: start + word.length, kind: DIGITS_ONLY.test(lower) ? 'number' : 'word' });
}

/** Cleaned text and its tokens in one call. */
export function tokenizeRaw(raw: string | null | undefined): { text: string; tokens: Token[] } {
	const text = cleanText(raw);
	return { text, tokens: tokenize(text) };
}

/** Just the token strings of a raw text: what the bag-of-words and neural models consume. */
export const tokensOf = (raw: string | null | undefined): string[] => tokenizeRaw(raw).tokens.map((t) => t.token);
