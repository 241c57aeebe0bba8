import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformerModel, TRANSFORMER_DEFAULTS, type TransformerParams, type TransformerState } from '../../../../models/text/neural/transformer';
import { decodeState, encodeState } from '../../../../models/shared/state-json';
import { rejection, useBackend } from '../logistic/csv-fixture';
import { accuracy, quietContext, reviewSplit, toyCorpus } from './neural-fixture';

/** Tiny widths and no regularisation: the toy corpus is learned in a second or two. */
const TINY: TransformerParams = {
	...TRANSFORMER_DEFAULTS,
	maxLength: 24,
	epochs: 12,
	embeddingDim: 16,
	heads: 2,
	layers: 2,
	ffUnits: 16,
	batchSize: 8,
	learningRate: 0.01,
	dropout: 0,
	wordDropout: 0,
	averageDecay: 0,
	validationFraction: 0,
	minCount: 1
};
const train = toyCorpus(48, 1);
const unseen = toyCorpus(24, 99);

beforeAll(() => useBackend('wasm'));
afterAll(() => useBackend('cpu'));

describe('transformerModel on a separable corpus', () => {
	let state: TransformerState;
	beforeAll(async () => {
		state = await transformerModel.fit(train, TINY, quietContext(1));
	});

	it('fits the training texts and unseen texts of the same kind perfectly', async () => {
		expect(accuracy(train.y, (await transformerModel.predict(state, train.texts)).probabilities, 2)).toBe(1);
		expect(accuracy(unseen.y, (await transformerModel.predict(state, unseen.texts)).probabilities, 2)).toBe(1);
		expect(state.config).toEqual({ dim: 16, heads: 2, layers: 2, ffUnits: 16, maxLength: 24 });
	});

	it('is deterministic for a seed; another seed gives other weights', async () => {
		const again = await transformerModel.fit(train, TINY, quietContext(1));
		expect(again.weights).toEqual(state.weights);
		expect((await transformerModel.predict(again, unseen.texts)).probabilities).toEqual((await transformerModel.predict(state, unseen.texts)).probabilities);
		const other = await transformerModel.fit(train, TINY, quietContext(2));
		expect(other.weights.embedding.values).not.toEqual(state.weights.embedding.values);
	});

	it('predicts the same after structuredClone and JSON (encodeState/decodeState)', async () => {
		const expected = (await transformerModel.predict(state, unseen.texts)).probabilities;
		const revived = decodeState<TransformerState>(JSON.parse(JSON.stringify(encodeState(state))));
		expect((await transformerModel.predict(structuredClone(state), unseen.texts)).probabilities).toEqual(expected);
		expect((await transformerModel.predict(revived, unseen.texts)).probabilities).toEqual(expected);
	});

	it('masks padding in attention: a text scores the same alone as next to longer texts', async () => {
		const short = 'The tea was great';
		const alone = (await transformerModel.predict(state, [short])).probabilities;
		const batched = (await transformerModel.predict(state, [unseen.texts.join(' '), short, 'bland'])).probabilities;
		expect(batched[3]).toBeCloseTo(alone[1], 5);
	});

	it('explains by occlusion: opinion words push their own way, offsets point into the cleaned text', async () => {
		const e = await transformerModel.explainText(state, 'The coffee was delicious &amp; the box is awful', 1);
		expect(e.text).toBe('The coffee was delicious & the box is awful');
		const weight = (w: string) => e.tokens.find((t) => t.text === w)!.weight;
		expect(weight('delicious')).toBeGreaterThan(0);
		expect(weight('awful')).toBeLessThan(0);
		for (const t of e.tokens) expect(e.text.slice(t.start, t.end)).toBe(t.text);
		// A word the model never saw cannot change the score.
		expect((await transformerModel.explainText(state, 'zzzunknown tasty', 1)).tokens[0].weight).toBe(0);
	});

	it('lists opinion words as the strongest terms', async () => {
		const terms = await transformerModel.topTerms(state, 1, 4, unseen.texts);
		expect(terms[0].weight).toBeGreaterThan(0);
		expect(['great', 'delicious', 'love', 'excellent', 'perfect', 'tasty']).toContain(terms[0].term);
		expect(terms[terms.length - 1].weight).toBeLessThan(0);
		expect(['awful', 'stale', 'hate', 'terrible', 'bland', 'disgusting']).toContain(terms[terms.length - 1].term);
	});

	it('keeps tf.memory().numTensors flat over fit, predict, explain and topTerms', async () => {
		const start = tf.memory().numTensors;
		const s = await transformerModel.fit(train, { ...TINY, epochs: 2, validationFraction: 0.25, averageDecay: 0.9, dropout: 0.2, wordDropout: 0.1 }, quietContext(3));
		await transformerModel.predict(s, unseen.texts);
		await transformerModel.explainText(s, unseen.texts[0], 1);
		await transformerModel.topTerms(s, 0, 4, unseen.texts);
		expect(tf.memory().numTensors).toBe(start);
	});
});

describe('transformerModel contract', () => {
	it('learns three classes (softmax head)', async () => {
		const three = toyCorpus(60, 5, 3);
		const state = await transformerModel.fit(three, { ...TINY, epochs: 15 }, quietContext(1));
		const test = toyCorpus(30, 77, 3);
		expect(accuracy(test.y, (await transformerModel.predict(state, test.texts)).probabilities, 3)).toBeGreaterThanOrEqual(0.9);
	});

	it('rejects with CancelledError when aborted, soon after the signal', async () => {
		const controller = new AbortController();
		let abortedAt = 0;
		const p = transformerModel.fit(train, { ...TINY, epochs: 50 }, {
			...quietContext(1, controller.signal),
			progress: () => {
				if (!abortedAt) (abortedAt = performance.now()), controller.abort();
			}
		});
		expect((await rejection(p)).name).toBe('CancelledError');
		expect(performance.now() - abortedAt).toBeLessThan(1000);
	});

	it('refuses invalid settings with clear messages', async () => {
		await expect(transformerModel.fit(train, { ...TINY, heads: 3 }, quietContext())).rejects.toThrow(/divide by the number of heads/);
		await expect(transformerModel.fit({ ...train, classes: ['only'] }, TINY, quietContext())).rejects.toThrow(/at least two classes/);
		await expect(transformerModel.explainText({ ...(await transformerModel.fit(train, { ...TINY, epochs: 1 }, quietContext())) }, 'x', 2)).rejects.toThrow(/classIndex/);
	});
});

describe.skipIf(!process.env.SLOW)('transformerModel on the review split (SLOW=1; WASM; TF-IDF + logistic regression: 0.788)', () => {
	const { train: reviews, test } = reviewSplit();

	it('times one epoch on the 4,000 train reviews and scores ≥ 200 reviews/s', async () => {
		const started = performance.now();
		const state = await transformerModel.fit(reviews, { ...transformerModel.defaults, epochs: 1, validationFraction: 0 }, quietContext(42));
		const epochS = (performance.now() - started) / 1000;
		const t0 = performance.now();
		await transformerModel.predict(state, test.texts);
		const perS = test.texts.length / ((performance.now() - t0) / 1000);
		console.log(`transformer: one epoch on ${reviews.texts.length} reviews ${epochS.toFixed(1)} s; scoring ${perS.toFixed(0)} reviews/s`);
		expect(perS).toBeGreaterThanOrEqual(200);
	}, 600_000);

	it('fit on the 4,000 train reviews scores ≥ 0.78 accuracy on the 1,000 test reviews', async () => {
		const state = await transformerModel.fit(reviews, transformerModel.defaults, quietContext(42));
		const acc = accuracy(test.y, (await transformerModel.predict(state, test.texts)).probabilities, 2);
		console.log(`transformer: test accuracy ${acc.toFixed(3)} (best epoch ${state.bestEpoch} of ${state.curve!.length})`);
		expect(acc).toBeGreaterThanOrEqual(0.78);
	}, 900_000);
});
