import { describe, expect, it } from 'vitest';
import type { RawColumn } from '../../../../models/shared/columns';
import { explainTexts, guessPositive, predictTexts, trainText } from '../../../../models/text/trainer';
import { DEFAULT_TEXT_REQUEST, type TextRequest } from '../../../../models/text/job';

const GOOD = ['great product, love it', 'excellent quality and fast delivery', 'really happy, works perfectly', 'wonderful taste, highly recommend', 'best purchase ever, amazing'];
const BAD = ['terrible, broke after a day', 'awful taste, very disappointed', 'bad quality, waste of money', 'horrible service, never again', 'poor packaging, arrived damaged'];

/** 60 short reviews (30 per label), every sixth marked as a test row (each phrase also appears in training). */
function reviews(): RawColumn[] {
	const texts: string[] = [];
	const labels: string[] = [];
	const split: string[] = [];
	for (let i = 0; i < 30; i++) {
		texts.push(`${GOOD[i % 5]} #${i}`, `${BAD[i % 5]} #${i}`);
		labels.push('positive', 'negative');
		split.push(i % 6 === 0 ? 'test' : 'train', i % 6 === 0 ? 'test' : 'train');
	}
	return [
		{ name: 'review', type: 'text', values: texts },
		{ name: 'label', type: 'text', values: labels },
		{ name: 'split', type: 'text', values: split }
	];
}

const request = (over: Partial<TextRequest>): TextRequest => ({
	...DEFAULT_TEXT_REQUEST,
	text: 'review',
	target: 'label',
	splitColumn: 'split',
	models: ['lexicon', 'tfidf'],
	auto: false,
	...over
});
const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });

describe('text trainer', () => {
	it('guesses the positive label from common names', () => {
		expect(guessPositive(['other', 'great'])).toBe('great');
		expect(guessPositive(['négatif', 'positif'])).toBe('positif');
		expect(guessPositive(['1', '5'])).toBe('5');
		expect(guessPositive(['billing', 'delivery'])).toBeNull();
	});

	it('compares the lexicon and TF-IDF on the split column, positive class second', async () => {
		const result = await trainText(reviews(), request({}), ctx());
		expect(result.classes).toEqual(['negative', 'positive']);
		expect(result.nTest).toBe(10);
		expect(result.nTrain).toBe(50);
		const tfidf = result.rows.find((r) => r.kind === 'tfidf')!;
		expect(tfidf.accuracy).toBe(1);
		expect(tfidf.auc).toBe(1);
		expect(result.confusion.tfidf).toEqual([
			[5, 0],
			[0, 5]
		]);
		expect(result.rows.find((r) => r.kind === 'lexicon')!.accuracy).toBeGreaterThanOrEqual(0.9);
		expect(result.best).not.toBeNull();
		// The fitted state scores and explains new text after a structured clone (the worker boundary).
		const state = structuredClone(result.states.tfidf);
		const p = await predictTexts(state, ['love it, excellent', null]);
		expect(p.probabilities[1]).toBeGreaterThan(0.5);
		const why = await explainTexts(state, 'love it, excellent', 1);
		expect(why.tokens.find((t) => t.text === 'love')!.weight).toBeGreaterThan(0);
	});

	it('refuses a label column with one value and a text column with no text, in words', async () => {
		const raw = reviews();
		const one: RawColumn[] = [raw[0], { name: 'label', type: 'text', values: (raw[1].values as string[]).map(() => 'positive') }, raw[2]];
		await expect(trainText(one, request({}), ctx())).rejects.toThrow(/only one value/);
		const empty: RawColumn[] = [{ name: 'review', type: 'text', values: (raw[0].values as string[]).map(() => null) }, raw[1], raw[2]];
		await expect(trainText(empty, request({}), ctx())).rejects.toThrow(/has no text/);
	});

	it('shows a model that cannot handle the classes as skipped, with the reason', async () => {
		const raw = reviews();
		const topics: RawColumn = { name: 'label', type: 'text', values: (raw[1].values as string[]).map((_, i) => ['billing', 'delivery', 'quality'][i % 3]) };
		const result = await trainText([raw[0], topics, raw[2]], request({}), ctx());
		const lexicon = result.rows.find((r) => r.kind === 'lexicon')!;
		expect(lexicon.accuracy).toBeNull();
		expect(lexicon.skipped).toMatch(/billing/);
		expect(result.rows.find((r) => r.kind === 'tfidf')!.accuracy).not.toBeNull();
	});

	it('stops with a CancelledError when cancelled', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(trainText(reviews(), request({}), { signal: controller.signal, progress: () => undefined })).rejects.toMatchObject({ name: 'CancelledError' });
	});
});
