import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexiconModel, parseWordList, orderedPositions, type LexiconParams, type LexiconState } from '../../../../models/text/lexicon';
import { multiclassAccuracy, rocAuc } from '../../../../models/shared/metrics';
import { loadReviewSplit, reviewSplitPath } from './reviews-fixture';

const BINARY = ['negative', 'positive'];
const ctx = () => ({ seed: 1, progress: () => undefined, signal: new AbortController().signal });
const fit = (params: Partial<LexiconParams>, classes = BINARY) =>
	lexiconModel.fit({ texts: [], y: new Int32Array(0), classes }, { ...lexiconModel.defaults, ...params }, ctx());

/** p(positive) of each text. */
async function positive(state: LexiconState, texts: string[]): Promise<number[]> {
	const { probabilities } = await lexiconModel.predict(state, texts);
	return texts.map((_, i) => probabilities[i * 2 + 1]);
}

/** Token weights of an explanation as {token: weight}, non-zero ones only. */
async function weights(state: LexiconState, text: string, classIndex = 1): Promise<Record<string, number>> {
	const e = await lexiconModel.explainText(state, text, classIndex);
	return Object.fromEntries(e.tokens.filter((t) => t.weight !== 0).map((t) => [t.text, +t.weight.toFixed(4)]));
}

describe('lexicon: VADER', () => {
	it('scores positive, negated and negative English sentences', async () => {
		const s = await fit({ source: 'vader' });
		const [good, notGood, awful, neutral] = await positive(s, ['The food is good.', 'The food is not good.', 'Awful, terrible service!!!', 'The box arrived on Tuesday.']);
		expect(good).toBeGreaterThan(0.5);
		expect(notGood).toBeLessThan(0.5);
		expect(awful).toBeLessThan(0.05);
		// No sentiment (compound 0 < 0.05): not called positive.
		expect(neutral).toBeLessThan(0.5);
	});

	it('applies its own rules: capitals and "!" intensify, "but" shifts the weight to the second clause', async () => {
		const s = await fit({ source: 'vader' });
		const [plain, caps, bang] = await positive(s, ['The food is good', 'The food is GOOD', 'The food is good!!!']);
		expect(caps).toBeGreaterThan(plain);
		expect(bang).toBeGreaterThan(plain);
		const [butBad] = await positive(s, ['The food is great but the service is bad']);
		expect(butBad).toBeLessThan(0.5);
	});

	it('explains with the package’s own per-word valences, whose sum gives its compound score', async () => {
		const s = await fit({ source: 'vader' });
		expect(await weights(s, 'I LOVE it but the box was damaged')).toEqual({ LOVE: 1.9665, damaged: -2.85 });
		const notGood = await weights(s, 'This is not good');
		expect(notGood.good).toBeLessThan(0);
		// compound = sum / sqrt(sum² + 15) (VADER's normalisation), punctuation emphasis on the marks
		const { default: vader } = await import('vader-sentiment');
		for (const text of ['Great taste!! Not too sweet, but a bit pricey :(', 'Horrible. Never again??', 'meh']) {
			const e = await lexiconModel.explainText(s, text, 1);
			const sum = e.tokens.reduce((a, t) => a + t.weight, 0);
			expect(sum / Math.sqrt(sum * sum + 15)).toBeCloseTo(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound, 4);
		}
	});

	it('token weights always agree with the sign of the compound score (review sample)', async () => {
		const s = await fit({ source: 'vader' });
		const { default: vader } = await import('vader-sentiment');
		const texts = reviewSplitPath() ? loadReviewSplit().test.texts.slice(0, 150) : ['Good stuff', 'Bad stuff'];
		for (const text of texts) {
			const e = await lexiconModel.explainText(s, text, 1);
			const sum = e.tokens.reduce((a, t) => a + t.weight, 0);
			expect(Math.sign(sum)).toBe(Math.sign(vader.SentimentIntensityAnalyzer.polarity_scores(e.text).compound));
		}
	});
});

describe('lexicon: Bing', () => {
	it('counts positive minus negative words, negation flipping the sign', async () => {
		const s = await fit({ source: 'bing' });
		expect(await weights(s, 'The food was good but the service was terrible and slow')).toEqual({ good: 1, terrible: -1, slow: -1 });
		expect(await weights(s, 'This is not good')).toEqual({ good: -1 });
		expect(await weights(s, 'Not bad at all')).toEqual({ bad: 1 });
		const [good, notGood, mixed, nothing] = await positive(s, ['good', 'not good', 'good but terrible and slow', 'a box']);
		// p = sigmoid(count - 0.5): positive exactly when the net count is above 0
		expect(good).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 10);
		expect(notGood).toBeCloseTo(1 / (1 + Math.exp(1.5)), 10);
		expect(mixed).toBeLessThan(0.5);
		expect(nothing).toBeLessThan(0.5);
	});

	it('matches hyphenated entries written with or without the hyphen', async () => {
		const s = await fit({ source: 'bing' });
		expect(await weights(s, 'A well-made, top-notch tool')).toEqual({ 'well-made': 1, 'top-notch': 1 });
		expect(await weights(s, 'well made')).toEqual({ well: 0.5, made: 0.5 });
	});

	it('ends a negation at "and": "not bad and fast" is two positives', async () => {
		const s = await fit({ source: 'bing' });
		expect(await weights(s, 'not bad and fast')).toEqual({ bad: 1, fast: 1 });
	});

	it('explains towards the negative class with flipped signs', async () => {
		const s = await fit({ source: 'bing' });
		expect(await weights(s, 'good but terrible', 0)).toEqual({ good: -1, terrible: 1 });
	});
});

describe('lexicon: French', () => {
	it('scores French sentences with the nlp.js stems, accents or not, and French negation', async () => {
		const s = await fit({ source: 'french' });
		const [bon, pasBon, mauvaise, pasMal, delicieux, delicieuxSansAccent] = await positive(s, [
			'Ce produit est très bon.',
			"Ce produit n'est pas bon.",
			'Qualité mauvaise, je suis déçue',
			'Pas mal du tout',
			'Délicieux !',
			'delicieux'
		]);
		expect(bon).toBeGreaterThan(0.5);
		expect(pasBon).toBeLessThan(0.5);
		expect(mauvaise).toBeLessThan(0.5);
		expect(pasMal).toBeGreaterThan(0.5);
		expect(delicieux).toBeGreaterThan(0.5);
		expect(delicieuxSansAccent).toBeCloseTo(delicieux, 10);
		expect(await weights(s, "Ce n'est pas bon")).toEqual({ bon: -0.7 });
		// "mauvais" is an entry of its own (its stem "mauv" is scored 0)
		expect((await weights(s, 'un goût mauvais')).mauvais).toBeCloseTo(-0.71, 10);
	});

	it('reads full word forms before stems: "cher" is expensive, not dear', async () => {
		const s = await fit({ source: 'french' });
		// The stem "cher" is scored +0.5 (chéri); the adjective form −0.21.
		expect(await weights(s, 'Trop cher')).toEqual({ Trop: -0.25, cher: -0.21 });
		const [pasCher, tropCher, chere, rapides] = await positive(s, ['Pas cher', 'Trop cher pour ce que c’est', 'Une boîte bien chère', 'Livraisons rapides']);
		expect(pasCher).toBeGreaterThan(0.5);
		expect(tropCher).toBeLessThan(0.5);
		expect(chere).toBeLessThan(0.5);
		expect(rapides).toBeGreaterThan(0.5);
		// A coordinated word after the negated one keeps its own sign.
		expect(await weights(s, 'Produit pas cher et efficace')).toEqual({ cher: 0.21, efficace: 0.4 });
		// Forms without their accents still match ("decue" = "déçue").
		expect((await weights(s, 'decue')).decue).toBeCloseTo(-1, 10);
	});
});

describe('lexicon: custom word list', () => {
	const list = [
		{ word: 'Super', score: 2 },
		{ word: 'nul', score: -2 },
		{ word: 'pas terrible', score: -1 },
		{ word: '👍', score: 1 }
	];

	it('scores with the user’s words (normalised by the tokenizer), phrases and negation', async () => {
		const s = await fit({ source: 'custom', custom: list });
		const [superb, nul, pasNul, pasTerrible, thumbs] = await positive(s, ["C'est SUPER", "c'est nul", "ce n'est pas nul", 'pas terrible', 'ok 👍🏽']);
		expect(superb).toBeGreaterThan(0.5);
		expect(nul).toBeLessThan(0.5);
		expect(pasNul).toBeGreaterThan(0.5);
		// "pas terrible" is an entry: matched as a phrase, not negated
		expect(pasTerrible).toBeLessThan(0.5);
		expect(await weights(s, 'vraiment pas terrible')).toEqual({ pas: -0.5, terrible: -0.5 });
		// skin tones score like the plain emoji
		expect(thumbs).toBeGreaterThan(0.5);
	});

	it('behaves the same on any scale', async () => {
		const texts = ["C'est super", "c'est nul", 'pas terrible du tout', 'rien', 'super mais nul'];
		const a = await positive(await fit({ source: 'custom', custom: list }), texts);
		const b = await positive(await fit({ source: 'custom', custom: list.map((e) => ({ ...e, score: e.score * 50 })) }), texts);
		b.forEach((v, i) => expect(v).toBeCloseTo(a[i], 10));
	});

	it('works in any script the tokenizer reads (Arabic)', async () => {
		const s = await fit({ source: 'custom', custom: [{ word: 'رائع', score: 1 }, { word: 'سيء', score: -1 }] });
		const [good, bad] = await positive(s, ['هذا المنتج رائع جدا', 'المنتج سيء']);
		expect(good).toBeGreaterThan(0.5);
		expect(bad).toBeLessThan(0.5);
	});

	it('refuses a missing or unusable list with a clear message', async () => {
		await expect(fit({ source: 'custom', custom: [] })).rejects.toThrow(/needs a word list/);
		await expect(fit({ source: 'custom', custom: [{ word: '  ', score: 1 }] })).rejects.toThrow(/no usable entries/);
	});
});

describe('lexicon: classes', () => {
	it('refuses topics with a sentence naming them', async () => {
		await expect(fit({ source: 'bing' }, ['billing', 'delivery', 'other'])).rejects.toThrow(
			'The lexicon only tells positive from negative: it cannot separate the classes "billing", "delivery" and "other".'
		);
	});

	it('recognises ordered labels: star ratings and sentiment words', () => {
		expect(orderedPositions(['1', '2', '3', '4', '5'])).toEqual([1, 2, 3, 4, 5]);
		expect(orderedPositions(['1 star', '2 stars', '3 stars'])).toEqual([1, 2, 3]);
		expect(orderedPositions(['5 étoiles', '1 étoile', '3 étoiles'])).toEqual([5, 1, 3]);
		expect(orderedPositions(['negative', 'neutral', 'positive'])).toEqual([-1, 0, 1]);
		expect(orderedPositions(['Q1 billing', 'Q2 delivery', 'Q3 other'])).toBeNull();
		expect(orderedPositions(['billing', 'delivery', 'other'])).toBeNull();
	});

	it('maps the score onto 1–5 stars', async () => {
		const s = await fit({ source: 'vader' }, ['1', '2', '3', '4', '5']);
		const texts = ['Absolutely wonderful, the best coffee I ever had! Love it!', 'Horrible, disgusting and awful. I hate it.', 'It is a coffee.'];
		const { probabilities } = await lexiconModel.predict(s, texts);
		const rows = texts.map((_, r) => Array.from(probabilities.subarray(r * 5, r * 5 + 5)));
		for (const row of rows) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		const argmax = rows.map((row) => row.indexOf(Math.max(...row)));
		expect(argmax[0]).toBe(4);
		expect(argmax[1]).toBe(0);
		expect(argmax[2]).toBeGreaterThan(0);
		expect(argmax[2]).toBeLessThan(4);
		// Towards "5" a positive word counts +1 × its valence, towards "1" −1 ×, towards "3" not at all.
		const towards = async (c: number) => (await weights(s, 'wonderful', c)).wonderful ?? 0;
		expect(await towards(4)).toBeGreaterThan(0);
		expect(await towards(0)).toBeLessThan(0);
		expect(await towards(2)).toBe(0);
	});
});

describe('lexicon: top terms', () => {
	it('lists the words that contributed most over the texts, for then against the class', async () => {
		const s = await fit({ source: 'bing' });
		const texts = ['good good great', 'not good', 'not good at all', 'terrible', 'great value', 'slow but good'];
		const terms = await lexiconModel.topTerms(s, 1, 4, texts);
		expect(terms).toEqual([
			{ term: 'good', weight: 3 },
			{ term: 'great', weight: 2 },
			{ term: 'terrible', weight: -1 },
			{ term: 'not good', weight: -2 }
		]);
		const against = await lexiconModel.topTerms(s, 0, 2, texts);
		expect(against.map((t) => t.term)).toEqual(['not good', 'good']);
	});
});

describe('parseWordList', () => {
	it('reads "word,score" with or without a header, ";" with decimal commas, tabs and labels', () => {
		expect(parseWordList('word,score\ngreat,1\nawful,-2\n')).toEqual([
			{ word: 'great', score: 1 },
			{ word: 'awful', score: -2 }
		]);
		expect(parseWordList('\ufeffmot;polarité\r\nbon;0,7\r\n"pas terrible";-1,5\r\n')).toEqual([
			{ word: 'bon', score: 0.7 },
			{ word: 'pas terrible', score: -1.5 }
		]);
		expect(parseWordList('abandon\t-2\nabandoned\t-2\nabilities\t+2')).toEqual([
			{ word: 'abandon', score: -2 },
			{ word: 'abandoned', score: -2 },
			{ word: 'abilities', score: 2 }
		]);
		expect(parseWordList('word,sentiment\nnice,positive\nbad,negative\nmeh,neutral')).toEqual([
			{ word: 'nice', score: 1 },
			{ word: 'bad', score: -1 },
			{ word: 'meh', score: 0 }
		]);
		expect(parseWordList('# my list\nsentiment,word\n2,super\n')).toEqual([{ word: 'super', score: 2 }]);
		expect(parseWordList('"hello, world",1')).toEqual([{ word: 'hello, world', score: 1 }]);
	});

	it('reads the shipped Bing CSV', () => {
		const entries = parseWordList(readFileSync('datasets/tidytext_sentiments_bing.csv', 'utf8'));
		expect(entries).toHaveLength(6786);
		expect(entries[0]).toEqual({ word: '2-faces', score: -1 });
	});

	it('says what is wrong with a bad file', () => {
		expect(() => parseWordList('')).toThrow(/empty/);
		expect(() => parseWordList('\n  \n')).toThrow(/empty/);
		expect(() => parseWordList('word,score\n')).toThrow(/header .* but no words/);
		expect(() => parseWordList('great\nawful\n')).toThrow(/no score column.*line 1 reads "great"/);
		expect(() => parseWordList('great,1\nawful,bad\nnice,2')).toThrow(/line 2: the score "bad" of "awful" is not a number/);
		expect(() => parseWordList('great,1\n,2\nnice,')).toThrow(/line 2: the word is empty; line 3: "nice" has no score/);
		expect(() => parseWordList('a,1\nb,x\nc,y\nd,z\ne,w\nf,v')).toThrow(/2 more lines with problems/);
	});
});

describe.runIf(reviewSplitPath())('lexicon: quality on the review split (no training rows)', () => {
	it('Bing ≥ 0.66 accuracy, VADER reported (classes other / great)', async () => {
		const { test } = loadReviewSplit();
		for (const [source, floor] of [['bing', 0.66], ['vader', 0.66]] as const) {
			const s = await fit({ source }, test.classes);
			const { probabilities } = await lexiconModel.predict(s, test.texts);
			const accuracy = multiclassAccuracy(test.y, probabilities, 2);
			const auc = rocAuc(test.y, Float64Array.from(test.y, (_, i) => probabilities[i * 2 + 1]));
			console.log(`lexicon ${source}: accuracy ${accuracy.toFixed(3)}, AUC ${auc.toFixed(3)} on ${test.y.length} test reviews`);
			expect(accuracy).toBeGreaterThanOrEqual(floor);
		}
	});
});

describe('lexicon: loading', () => {
	it('loads its word lists and packages lazily (dynamic import only)', () => {
		const dir = 'models/text/lexicon';
		for (const file of ['index.ts', 'sources.ts', 'vader.ts', 'bing.ts', 'french.ts', 'scorer.ts', 'terms.ts', 'classes.ts', 'custom.ts', 'word-list.ts']) {
			const source = readFileSync(`${dir}/${file}`, 'utf8');
			expect(source).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'(vader-sentiment|@nlpjs\/[^']*|\.\/bing-words|\.\/french-forms)'/m);
		}
	});

	it('rejects an unknown source and keeps a structured-clone-safe state', async () => {
		await expect(fit({ source: 'afinn' as never })).rejects.toThrow(/Unknown lexicon "afinn"/);
		const s = await fit({ source: 'custom', custom: [{ word: 'good', score: 1 }] });
		const copy = structuredClone(s);
		expect(await positive(copy, ['good', 'bad'])).toEqual(await positive(s, ['good', 'bad']));
	});
});
