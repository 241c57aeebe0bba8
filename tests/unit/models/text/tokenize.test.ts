import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../../models/text/clean';
import { tokenize, tokenizeRaw, tokensOf, type Token } from '../../../../models/text/tokenize';
import { markNegation, negators } from '../../../../models/text/negation';
import { loadReviewSplit, reviewSplitPath } from './reviews-fixture';

const words = (raw: string) => tokensOf(raw);
const kinds = (raw: string) => tokenizeRaw(raw).tokens.map((t) => `${t.token}:${t.kind}`);

/** Every token's offsets point at its own text in the cleaned string (words lower-cased, apostrophes unified; emoji as written). */
function expectOffsets(text: string, tokens: Token[]) {
	let previousEnd = 0;
	for (const t of tokens) {
		expect(t.start).toBeGreaterThanOrEqual(previousEnd);
		expect(t.end).toBeGreaterThan(t.start);
		const written = text.slice(t.start, t.end);
		expect(t.kind === 'emoji' ? written : written.toLowerCase().replace(/[’ʼ]/g, "'")).toBe(t.token);
		previousEnd = t.end;
	}
}

describe('cleanText', () => {
	it('strips HTML tags and decodes entities', () => {
		expect(cleanText('Great<br />value &amp; taste<br/><br />&eacute;t&#233; &#x1F600;')).toBe('Great value & taste été 😀');
		expect(cleanText('<p>Très <b>bon</b></p>&nbsp;!')).toBe('Très bon !');
	});
	it('keeps a lone "<" (a heart "<3") and unknown entities', () => {
		expect(cleanText('I <3 it &bogus; 5 < 6')).toBe('I <3 it &bogus; 5 < 6');
	});
	it('normalises Unicode (NFKC) and whitespace, keeps case and accents', () => {
		expect(cleanText('  Ｆｕｌｌ-width \u00a0 ﬁne  Cafe\u0301\n\tOK ')).toBe('Full-width fine Café OK');
	});
	it('is empty for null or undefined', () => {
		expect(cleanText(null)).toBe('');
		expect(cleanText(undefined)).toBe('');
	});
});

describe('tokenize: English', () => {
	it('lower-cases words, keeps contractions whole and "!" / "?" as tokens', () => {
		expect(kinds("I don't like it!! Is it OK?")).toEqual([
			'i:word', "don't:word", 'like:word', 'it:word', '!:punct', '!:punct', 'is:word', 'it:word', 'ok:word', '?:punct'
		]);
	});
	it('reads curly and straight apostrophes the same', () => {
		expect(words('don’t can’t won\'t it’s')).toEqual(["don't", "can't", "won't", "it's"]);
	});
	it('keeps hyphenated words and decimal numbers whole', () => {
		expect(kinds('A well-made snack for 4,99 € or 3.5 stars')).toEqual([
			'a:word', 'well-made:word', 'snack:word', 'for:word', '4,99:number', 'or:word', '3.5:number', 'stars:word'
		]);
	});
	it('tokenizes raw HTML review text', () => {
		expect(words('Tastes great!<br /><br />Would buy again &amp; again.')).toEqual(['tastes', 'great', '!', 'would', 'buy', 'again', 'again']);
	});
});

describe('tokenize: French', () => {
	it('splits elisions l\' d\' qu\' n\' j\' c\' s\' jusqu\' off the next word', () => {
		expect(words("L'avion d'Air France qu'il a pris n'était pas génial. J'adore, c'est sûr s'il vient jusqu'à lorsqu'on")).toEqual([
			"l'", 'avion', "d'", 'air', 'france', "qu'", 'il', 'a', 'pris', "n'", 'était', 'pas', 'génial', "j'", 'adore', "c'", 'est', 'sûr', "s'", 'il', 'vient', "jusqu'", 'à', "lorsqu'", 'on'
		]);
	});
	it('handles the typographic apostrophe ’ the same way, offsets on the original characters', () => {
		const { text, tokens } = tokenizeRaw('L’été d’abord');
		expect(tokens.map((t) => t.token)).toEqual(["l'", 'été', "d'", 'abord']);
		expect(text.slice(tokens[0].start, tokens[0].end)).toBe('L’');
		expect(text.slice(tokens[1].start, tokens[1].end)).toBe('été');
	});
	it("keeps words whose apostrophe is not an elision (aujourd'hui, presqu'île splits, prud'homme stays)", () => {
		expect(words("aujourd'hui presqu'île prud'homme")).toEqual(["aujourd'hui", "presqu'", 'île', "prud'homme"]);
	});
	it('keeps accents and lower-cases accented capitals', () => {
		expect(words('ÉTÉ Très déçu, Ça crève les yeux, NOËL, œuvre')).toEqual(['été', 'très', 'déçu', 'ça', 'crève', 'les', 'yeux', 'noël', 'œuvre']);
	});
	it('composes decomposed accents (NFKC) so "é" typed two ways is one word', () => {
		expect(words('de\u0301c\u0327u')).toEqual(words('déçu'));
	});
});

describe('tokenize: emoji and emoticons', () => {
	it('keeps emoji as tokens, with skin tones, variation selectors and ZWJ sequences whole', () => {
		const tokens = tokenizeRaw('Love it 👍🏽 family 👨‍👩‍👧 ❤️ 🇫🇷 😀😀').tokens;
		expect(tokens.filter((t) => t.kind === 'emoji').map((t) => t.token)).toEqual(['👍🏽', '👨‍👩‍👧', '❤️', '🇫🇷', '😀', '😀']);
	});
	it('emoji stuck to words are their own tokens', () => {
		expect(words('super😍top')).toEqual(['super', '😍', 'top']);
	});
	it('keeps ASCII emoticons but not times, URLs or ratios', () => {
		expect(kinds('Nice :) bad :-( love <3 wink ;)')).toEqual([
			'nice:word', ':):emoji', 'bad:word', ':-(:emoji', 'love:word', '<3:emoji', 'wink:word', ';):emoji'
		]);
		expect(words('at 10:30 see http://example.com 10/10')).toEqual(['at', '10', '30', 'see', 'http', 'example', 'com', '10', '10']);
	});
});

describe('tokenize: other scripts', () => {
	it('keeps Arabic words whole, with their diacritics', () => {
		expect(words('هذا المنتج رائع جدا')).toEqual(['هذا', 'المنتج', 'رائع', 'جدا']);
		expect(words('مُنْتَج رَائِع!')).toEqual(['مُنْتَج', 'رَائِع', '!']);
	});
	it('keeps Cyrillic, Greek and CJK runs as words, and non-Latin digits as numbers', () => {
		expect(kinds('Отлично καλό 很好 ١٢٣')).toEqual(['отлично:word', 'καλό:word', '很好:word', '١٢٣:number']);
	});
});

describe('tokenize: offsets', () => {
	it('point into the cleaned text', () => {
		const samples = [
			'Great<br />value &amp; taste',
			"L'avion n’était PAS génial !!",
			'👍🏽 Très BON 4,99 € :)',
			'هذا المنتج رائع جدا',
			'  Ｆｕｌｌ   width  '
		];
		for (const raw of samples) {
			const { text, tokens } = tokenizeRaw(raw);
			expect(text).toBe(cleanText(raw));
			expectOffsets(text, tokens);
		}
	});
	it.runIf(reviewSplitPath())('hold on every review of the shared review split', () => {
		const { train, test } = loadReviewSplit();
		for (const raw of [...train.texts, ...test.texts]) {
			const { text, tokens } = tokenizeRaw(raw);
			expectOffsets(text, tokens);
		}
	});
	it('tokenize works on already-clean text with the same offsets', () => {
		const text = cleanText('Tres <i>bon</i> produit');
		expect(tokenize(text)).toEqual(tokenizeRaw('Tres <i>bon</i> produit').tokens);
	});
	it('gives no tokens for empty or missing text', () => {
		expect(tokensOf('')).toEqual([]);
		expect(tokensOf(null)).toEqual([]);
		expect(tokensOf(' <br /> ')).toEqual([]);
	});
});

describe('markNegation', () => {
	const negated = (raw: string) => {
		const { text, tokens } = tokenizeRaw(raw);
		const marks = markNegation(tokens, text);
		return tokens.filter((_, i) => marks[i]).map((t) => t.token);
	};
	it('marks the words after an English negator (three at most)', () => {
		expect(negated('This is not good')).toEqual(['good']);
		expect(negated("I don't really like it at all")).toEqual(['really', 'like', 'it']);
		expect(negated('never again')).toEqual(['again']);
	});
	it('handles French ne … pas, n\', jamais, sans, rien', () => {
		expect(negated("Ce n'est pas bon")).toEqual(['est', 'bon']);
		expect(negated('pas mal du tout')).toEqual(['mal', 'du', 'tout']);
		expect(negated('Je ne recommande jamais ce vendeur')).toEqual(['recommande', 'ce', 'vendeur']);
		expect(negated('livré sans problème')).toEqual(['problème']);
	});
	it('stops at clause punctuation, "!" / "?" and contrast words', () => {
		expect(negated('Not cheap, good quality')).toEqual(['cheap']);
		expect(negated('not great but tasty')).toEqual(['great']);
		expect(negated('pas cher mais bon')).toEqual(['cher']);
		expect(negated('No! Delicious')).toEqual([]);
	});
	it('names the negator of each negated token', () => {
		const { text, tokens } = tokenizeRaw("It is not good, n'est pas bon");
		const by = negators(tokens, text);
		const named = tokens.map((t, i) => (by[i] >= 0 ? `${tokens[by[i]].token}>${t.token}` : null)).filter(Boolean);
		expect(named).toEqual(['not>good', "n'>est", 'pas>bon']);
	});
});
