import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformerModel, TRANSFORMER_DEFAULTS, type TransformerParams, type TransformerState } from '../../../../models/text/neural/transformer';
import { useBackend } from '../logistic/csv-fixture';
import { accuracy, quietContext, toyCorpus } from './neural-fixture';
import { describeNeuralModel } from './neural-suite';

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

describeNeuralModel('transformer', transformerModel, TINY);

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

});

describe('transformerModel settings', () => {
	it('refuses invalid settings with clear messages', async () => {
		await expect(transformerModel.fit(train, { ...TINY, heads: 3 }, quietContext())).rejects.toThrow(/divide by the number of heads/);
		await expect(transformerModel.fit({ ...train, classes: ['only'] }, TINY, quietContext())).rejects.toThrow(/at least two classes/);
		await expect(transformerModel.explainText({ ...(await transformerModel.fit(train, { ...TINY, epochs: 1 }, quietContext())) }, 'x', 2)).rejects.toThrow(/classIndex/);
	});
});
