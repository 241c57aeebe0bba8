import { describe, expect, it } from 'vitest';
import { tfidfModel, type TfidfParams, type TfidfState } from '../../../../models/text/tfidf';
import { wordCharNgrams } from '../../../../models/text/tfidf/ngrams';
import { multiclassAccuracy, rocAuc } from '../../../../models/shared/metrics';
import { stratifiedSplit } from '../../../../models/shared/splits';
import type { TextDataset, TextFitContext } from '../../../../models/text/types';
import { loadReviewSplit, reviewSplitPath } from './reviews-fixture';

const ctx = (over: Partial<TextFitContext> = {}): TextFitContext => ({ seed: 7, progress: () => undefined, signal: new AbortController().signal, ...over });
const fit = (data: TextDataset, params: Partial<TfidfParams> = {}, over: Partial<TextFitContext> = {}) =>
	tfidfModel.fit(data, { ...tfidfModel.defaults, ...params }, ctx(over));

const predicted = async (state: TfidfState, texts: string[]) => {
	const { probabilities } = await tfidfModel.predict(state, texts);
	const k = state.classes.length;
	return texts.map((_, r) => {
		const row = Array.from(probabilities.subarray(r * k, r * k + k));
		return state.classes[row.indexOf(Math.max(...row))];
	});
};

/** A small review corpus separable by its opinion words (fillers shared by both classes). */
function sentimentCorpus(): TextDataset {
	const good = ['love', 'excellent', 'delicious', 'perfect', 'great'];
	const bad = ['awful', 'terrible', 'stale', 'disgusting', 'horrible'];
	const fillers = ['the coffee was', 'this snack is', 'my dog thinks it is', 'the delivery and taste were', 'honestly'];
	const texts: string[] = [];
	const y: number[] = [];
	fillers.forEach((f, i) => {
		good.forEach((w, j) => (texts.push(`${f} ${w} ${good[(j + i) % 5]}`), y.push(1)));
		bad.forEach((w, j) => (texts.push(`${f} ${w} ${bad[(j + i) % 5]}`), y.push(0)));
	});
	return { texts, y: Int32Array.from(y), classes: ['bad', 'good'] };
}

/** Messages by topic (three classes). */
function topicCorpus(): TextDataset {
	const topics: Record<string, string[]> = {
		billing: ['invoice', 'refund', 'charged twice', 'payment', 'bill'],
		delivery: ['parcel', 'courier', 'tracking number', 'shipping', 'late delivery'],
		other: ['password', 'account login', 'newsletter', 'app crash', 'profile']
	};
	const openings = ['Hello, about my', 'Question regarding the', 'Please help with my', 'Problem with', 'I need info on the', 'Urgent:'];
	const classes = Object.keys(topics);
	const texts: string[] = [];
	const y: number[] = [];
	for (const o of openings) classes.forEach((c, k) => topics[c].forEach((w) => (texts.push(`${o} ${w}`), y.push(k))));
	return { texts, y: Int32Array.from(y), classes };
}

describe('tfidf: learning', () => {
	it('learns a small separable corpus perfectly (and generalises to new sentences)', async () => {
		const data = sentimentCorpus();
		const state = await fit(data);
		expect(await predicted(state, data.texts)).toEqual(Array.from(data.y, (c) => data.classes[c]));
		expect(await predicted(state, ['what a delicious and perfect cup', 'stale and horrible, never again'])).toEqual(['good', 'bad']);
	});

	it('learns a multiclass (softmax) task perfectly, probabilities summing to 1', async () => {
		const data = topicCorpus();
		const state = await fit(data);
		expect(state.outputs).toBe(3);
		expect(await predicted(state, data.texts)).toEqual(Array.from(data.y, (c) => data.classes[c]));
		expect(await predicted(state, ['my refund please', 'where is the courier', 'the app crash again'])).toEqual(['billing', 'delivery', 'other']);
		const { probabilities } = await tfidfModel.predict(state, ['hello', '']);
		expect(probabilities[0] + probabilities[1] + probabilities[2]).toBeCloseTo(1, 12);
		expect(probabilities[3] + probabilities[4] + probabilities[5]).toBeCloseTo(1, 12);
	});

	it('is deterministic for a seed, and its state survives structuredClone', async () => {
		const data = sentimentCorpus();
		const a = await fit(data, {}, { seed: 3 });
		const b = await fit(data, {}, { seed: 3 });
		expect(b.weights).toEqual(a.weights);
		expect(b.bias).toEqual(a.bias);
		expect(b.C).toBe(a.C);
		expect(b.selection).toEqual(a.selection);
		const copy = structuredClone(a);
		expect((await tfidfModel.predict(copy, data.texts)).probabilities).toEqual((await tfidfModel.predict(a, data.texts)).probabilities);
	});

	it('chooses C on the validation rows when given, else by cross-validation, or uses a fixed C', async () => {
		const data = sentimentCorpus();
		const auto = await fit(data);
		expect(auto.selection.map((s) => s.C)).toEqual(tfidfModel.defaults.cGrid);
		const withValidation = await fit(data, {}, { validation: { ...sentimentCorpus(), texts: ['so delicious', 'truly awful'], y: Int32Array.from([1, 0]) } });
		expect(withValidation.selection).toHaveLength(tfidfModel.defaults.cGrid.length);
		expect(withValidation.selection.every((s) => s.accuracy === 1)).toBe(true);
		const fixed = await fit(data, { C: 2 });
		expect(fixed.C).toBe(2);
		expect(fixed.selection).toEqual([]);
		expect(fixed.converged).toBe(true);
	});

	it('uses word 1–2-grams from the training rows only, and character n-grams on request', async () => {
		const data = sentimentCorpus();
		const words = await fit(data);
		expect(words.vocab.wordTerms).toContain('delicious');
		expect(words.vocab.wordTerms).toContain('coffee was');
		expect(words.vocab.charTerms).toEqual([]);
		const chars = await fit(data, { charNgrams: true });
		expect(chars.vocab.charTerms).toContain(' deli');
		// A misspelling unseen in training still leans the right way through its character n-grams.
		const [p] = Array.from((await tfidfModel.predict(chars, ['delicous'])).probabilities.subarray(1, 2));
		expect(p).toBeGreaterThan(0.5);
	});

	it('cuts words into padded character n-grams like scikit-learn’s char_wb', () => {
		const grams: string[] = [];
		wordCharNgrams('good', (g) => grams.push(g));
		expect(grams).toEqual([' go', 'goo', 'ood', 'od ', ' goo', 'good', 'ood ', ' good', 'good ']);
		const short: string[] = [];
		wordCharNgrams('a', (g) => short.push(g));
		expect(short).toEqual([' a ']);
		const emoji: string[] = [];
		wordCharNgrams('𝒜b', (g) => emoji.push(g));
		expect(emoji).toEqual([' 𝒜b', '𝒜b ', ' 𝒜b ']);
	});

	it('refuses bad input with clear errors', async () => {
		await expect(fit({ texts: ['a'], y: Int32Array.from([0]), classes: ['x'] })).rejects.toThrow(/at least two classes/);
		await expect(fit({ texts: ['a', 'b'], y: Int32Array.from([0]), classes: ['x', 'y'] })).rejects.toThrow(/2 texts but 1 labels/);
		await expect(fit({ texts: ['!!', '??'], y: Int32Array.from([0, 1]), classes: ['x', 'y'] }, { minDocFreq: 1 })).resolves.toBeDefined();
		await expect(fit({ texts: ['', ' '], y: Int32Array.from([0, 1]), classes: ['x', 'y'] })).rejects.toThrow(/no words/);
		await expect(fit(sentimentCorpus(), { C: -1 })).rejects.toThrow(/invalid C/);
	});
});

describe('tfidf: cancellation and progress', () => {
	it('rejects with CancelledError when the signal is already aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(fit(sentimentCorpus(), {}, { signal: controller.signal })).rejects.toMatchObject({ name: 'CancelledError' });
	});

	it.runIf(reviewSplitPath())('stops within about a second when aborted mid-fit, after reporting progress', async () => {
		const { train } = loadReviewSplit();
		const controller = new AbortController();
		const stages: string[] = [];
		let abortedAt = 0;
		const progress = (p: { fraction: number; stage: string }) => {
			stages.push(p.stage);
			if (p.stage.startsWith('Choosing C') && !abortedAt) {
				abortedAt = performance.now();
				controller.abort();
			}
		};
		await expect(fit(train, { charNgrams: true }, { signal: controller.signal, progress })).rejects.toMatchObject({ name: 'CancelledError' });
		expect(abortedAt).toBeGreaterThan(0);
		expect(performance.now() - abortedAt).toBeLessThan(1500);
		expect(stages[0]).toBe('Counting words');
	});
});

describe('tfidf: explanations', () => {
	it('gives opinion words the right sign, flipping for the other class; weights add up to the log-odds', async () => {
		const data = sentimentCorpus();
		const state = await fit(data);
		const text = 'The coffee was <b>delicious</b> but the biscuits were stale';
		const e = await tfidfModel.explainText(state, text, 1);
		expect(e.text).toBe('The coffee was delicious but the biscuits were stale');
		const w = Object.fromEntries(e.tokens.map((t) => [t.text, t.weight]));
		expect(w.delicious).toBeGreaterThan(0);
		expect(w.stale).toBeLessThan(0);
		expect(w.biscuits).toBe(0); // not in the training vocabulary
		for (const t of e.tokens) expect(e.text.slice(t.start, t.end)).toBe(t.text);
		const [, p] = (await tfidfModel.predict(state, [text])).probabilities;
		const sum = e.tokens.reduce((a, t) => a + t.weight, 0);
		expect(sum + state.bias[0]).toBeCloseTo(Math.log(p / (1 - p)), 8);
		const other = await tfidfModel.explainText(state, text, 0);
		other.tokens.forEach((t, i) => expect(t.weight).toBeCloseTo(-e.tokens[i].weight, 12));
		expect(e.method).toMatch(/log-odds towards "good"/);
	});

	it('splits bigram weights over their tokens and adds character n-grams to their word', async () => {
		const data = sentimentCorpus();
		const state = await fit(data, { charNgrams: true });
		const text = 'the coffee was delicious';
		const e = await tfidfModel.explainText(state, text, 1);
		const [, p] = (await tfidfModel.predict(state, [text])).probabilities;
		expect(e.tokens.reduce((a, t) => a + t.weight, 0) + state.bias[0]).toBeCloseTo(Math.log(p / (1 - p)), 8);
	});

	it('explains softmax classes as the class weight minus the mean of the others', async () => {
		const state = await fit(topicCorpus());
		const e = await tfidfModel.explainText(state, 'Problem with my refund and the courier', 0);
		const w = Object.fromEntries(e.tokens.map((t) => [t.text, t.weight]));
		expect(w.refund).toBeGreaterThan(0);
		expect(w.courier).toBeLessThan(0);
		expect(e.method).toMatch(/minus the mean weight of the other classes/);
		// Over all classes the centred weights cancel token by token.
		const all = await Promise.all([0, 1, 2].map((c) => tfidfModel.explainText(state, 'refund courier password', c)));
		for (let i = 0; i < all[0].tokens.length; i++) expect(all[0].tokens[i].weight + all[1].tokens[i].weight + all[2].tokens[i].weight).toBeCloseTo(0, 10);
	});

	it('lists the strongest terms for and against a class (bigrams included)', async () => {
		const state = await fit(sentimentCorpus());
		const terms = await tfidfModel.topTerms(state, 1, 6, []);
		expect(terms).toHaveLength(6);
		expect(terms.slice(0, 3).every((t) => t.weight > 0)).toBe(true);
		expect(terms.slice(3).every((t) => t.weight < 0)).toBe(true);
		const weights = terms.map((t) => t.weight);
		expect(weights).toEqual([...weights].sort((a, b) => b - a));
		const positives = terms.slice(0, 3).map((t) => t.term).join(' ');
		expect(positives).toMatch(/love|excellent|delicious|perfect|great/);
		const against = await tfidfModel.topTerms(state, 0, 6, []);
		expect(against[0].weight).toBeCloseTo(-terms[terms.length - 1].weight, 12);
	});
});

describe.runIf(reviewSplitPath())('tfidf: quality on the review split (train → test, classes other / great)', () => {
	it('reaches ≥ 0.78 accuracy (cross-validated C) and scores ≥ 5,000 reviews/s', async () => {
		const { train, test } = loadReviewSplit();
		const t0 = performance.now();
		const state = await fit(train, {}, { seed: 42 });
		const fitMs = performance.now() - t0;
		const { probabilities } = await tfidfModel.predict(state, test.texts);
		const accuracy = multiclassAccuracy(test.y, probabilities, 2);
		const auc = rocAuc(test.y, Float64Array.from(test.y, (_, i) => probabilities[i * 2 + 1]));
		// Speed: best of three passes over the test reviews (the machine may be busy).
		let perS = 0;
		for (let i = 0; i < 3; i++) {
			const s = performance.now();
			await tfidfModel.predict(state, test.texts);
			perS = Math.max(perS, test.texts.length / ((performance.now() - s) / 1000));
		}
		console.log(`tfidf (CV): accuracy ${accuracy.toFixed(3)}, AUC ${auc.toFixed(3)}, C ${state.C}, ${state.vocab.wordTerms.length} terms, fit ${fitMs.toFixed(0)} ms, ${perS.toFixed(0)} reviews/s`);
		expect(accuracy).toBeGreaterThanOrEqual(0.78);
		expect(auc).toBeGreaterThanOrEqual(0.84);
		expect(perS).toBeGreaterThanOrEqual(5000);
	});

	it('reaches ≥ 0.78 with C chosen on held-out rows as the trainer does (10 % of train), with or without character n-grams', async () => {
		const { train, test } = loadReviewSplit();
		const hold = stratifiedSplit(train.y, 0.1, 42);
		const pick = (rows: Int32Array): TextDataset => ({ texts: Array.from(rows, (r) => train.texts[r]), y: Int32Array.from(rows, (r) => train.y[r]), classes: train.classes });
		for (const charNgrams of [false, true]) {
			const state = await fit(pick(hold.train), { charNgrams }, { seed: 42, validation: pick(hold.test) });
			const { probabilities } = await tfidfModel.predict(state, test.texts);
			const accuracy = multiclassAccuracy(test.y, probabilities, 2);
			const auc = rocAuc(test.y, Float64Array.from(test.y, (_, i) => probabilities[i * 2 + 1]));
			console.log(`tfidf (validation${charNgrams ? ', char n-grams' : ''}): accuracy ${accuracy.toFixed(3)}, AUC ${auc.toFixed(3)}, C ${state.C}`);
			expect(accuracy).toBeGreaterThanOrEqual(0.78);
		}
	});
});
