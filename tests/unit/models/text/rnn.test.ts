import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rnnModel, RNN_DEFAULTS, type RnnParams, type RnnState } from '../../../../models/text/neural/rnn';
import { bidirectionalGru, combineRecurrent } from '../../../../models/text/neural/recurrence';
import { useBackend } from '../logistic/csv-fixture';
import { accuracy, quietContext, toyCorpus } from './neural-fixture';
import { describeNeuralModel } from './neural-suite';

/** Tiny widths and no regularisation: the toy corpus is learned in a second or two. */
const TINY: RnnParams = {
	...RNN_DEFAULTS,
	maxLength: 24,
	epochs: 12,
	embeddingDim: 16,
	hiddenUnits: 8,
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

describeNeuralModel('rnn', rnnModel, TINY);

describe('rnnModel (bidirectional GRU) on a separable corpus', () => {
	let state: RnnState;
	beforeAll(async () => {
		state = await rnnModel.fit(train, TINY, quietContext(1));
	});

	it('fits the training texts and unseen texts of the same kind perfectly', async () => {
		expect(accuracy(train.y, (await rnnModel.predict(state, train.texts)).probabilities, 2)).toBe(1);
		const prediction = await rnnModel.predict(state, unseen.texts);
		expect(prediction.classes).toEqual(['bad', 'good']);
		expect(accuracy(unseen.y, prediction.probabilities, 2)).toBe(1);
		expect(state.curve).toHaveLength(TINY.epochs);
		expect(state.vocab.slice(0, 2)).toEqual(['<pad>', '<unk>']);
	});

	it('scores a text the same alone as in a batch with longer texts (padding is masked)', async () => {
		const short = 'The tea was great';
		const long = `${unseen.texts.join(' ')} ${unseen.texts.join(' ')}`;
		const alone = (await rnnModel.predict(state, [short])).probabilities;
		const batched = (await rnnModel.predict(state, [long, short, 'bland'])).probabilities;
		expect(batched[3]).toBeCloseTo(alone[1], 5);
	});

	it('explains by occlusion: opinion words push their own way, offsets point into the cleaned text', async () => {
		const e = await rnnModel.explainText(state, 'The <b>coffee</b> was delicious but the box is awful', 1);
		expect(e.text).toBe('The coffee was delicious but the box is awful');
		expect(e.method).toMatch(/occlusion/);
		const weight = (w: string) => e.tokens.find((t) => t.text === w)!.weight;
		expect(weight('delicious')).toBeGreaterThan(0);
		expect(weight('awful')).toBeLessThan(0);
		for (const t of e.tokens) expect(e.text.slice(t.start, t.end)).toBe(t.text);
		const towardsBad = await rnnModel.explainText(state, 'The coffee was delicious', 0);
		expect(towardsBad.tokens.find((t) => t.text === 'delicious')!.weight).toBeLessThan(0);
	});

	it('lists the strongest terms for and against a class', async () => {
		const terms = await rnnModel.topTerms(state, 1, 6, unseen.texts);
		expect(terms.length).toBeGreaterThan(0);
		const positives = terms.filter((t) => t.weight > 0).map((t) => t.term);
		const negatives = terms.filter((t) => t.weight < 0).map((t) => t.term);
		expect(positives.length).toBeGreaterThan(0);
		expect(negatives.length).toBeGreaterThan(0);
		for (const p of positives) expect(['great', 'delicious', 'love', 'excellent', 'perfect', 'tasty']).toContain(p);
		for (const n of negatives) expect(['awful', 'stale', 'hate', 'terrible', 'bland', 'disgusting']).toContain(n);
		// Strongest first, then the most negative last.
		expect(terms.map((t) => t.weight)).toEqual([...terms.map((t) => t.weight)].sort((a, b) => b - a));
	});

});

describe('rnnModel settings and gradients', () => {
	it('refuses an empty training set, a single class and invalid params with clear messages', async () => {
		await expect(rnnModel.fit({ texts: [], y: new Int32Array(0), classes: ['a', 'b'] }, TINY, quietContext())).rejects.toThrow(/empty/);
		await expect(rnnModel.fit({ texts: ['x', 'y'], y: Int32Array.of(1, 1), classes: ['a', 'b'] }, TINY, quietContext())).rejects.toThrow(/every text is labelled "b"/);
		await expect(rnnModel.fit(train, { ...TINY, hiddenUnits: 0 }, quietContext())).rejects.toThrow(/hiddenUnits/);
		await expect(rnnModel.fit(train, { ...TINY, dropout: 1 }, quietContext())).rejects.toThrow(/dropout/);
		await expect(rnnModel.predict({ kind: 'transformer' } as unknown as RnnState, ['x'])).rejects.toThrow(/expected rnn/);
	});

	it("the hand-written GRU gradient equals TF.js autodiff of the same recurrence", () => {
		const [B, T, H] = [3, 5, 4];
		const normal = (shape: number[], seed: number, std = 1) => tf.randomNormal(shape, 0, std, 'float32', seed);
		const inputs = [normal([B, T, 3 * H], 1), normal([B, T, 3 * H], 2), normal([H, 3 * H], 3, 0.5), normal([H, 3 * H], 4, 0.5), normal([4 * H], 5, 0.5), normal([2 * H], 6, 0.5)];
		const probe = normal([B, T, 2 * H], 7);
		const fast = ([pf, pb, wf, wb, bzr, bn]: tf.Tensor[]) => {
			const { Wzr, Wn } = combineRecurrent(wf, wb, H);
			return bidirectionalGru(pf as tf.Tensor3D, pb as tf.Tensor3D, { Wzr, Wn, bzr: bzr as tf.Tensor1D, bn: bn as tf.Tensor1D }, true);
		};
		// The textbook GRU, one direction at a time, differentiated by TF.js.
		const naive = ([pf, pb, wf, wb, bzr, bn]: tf.Tensor[]) => {
			const direction = (p: tf.Tensor, W: tf.Tensor, bz: tf.Tensor, br: tf.Tensor, bh: tf.Tensor) => {
				let h: tf.Tensor = tf.zeros([B, H]);
				const out: tf.Tensor[] = [];
				for (let t = 0; t < T; t++) {
					const x = tf.reshape(tf.slice(p, [0, t, 0], [B, 1, 3 * H]), [B, 3 * H]);
					const hw = tf.matMul(h as tf.Tensor2D, W as tf.Tensor2D);
					const gate = (g: number) => tf.add(tf.slice(x, [0, g * H], [B, H]), tf.slice(hw, [0, g * H], [B, H]));
					const z = tf.sigmoid(tf.add(gate(0), bz));
					const r = tf.sigmoid(tf.add(gate(1), br));
					const n = tf.tanh(tf.add(tf.slice(x, [0, 2 * H], [B, H]), tf.mul(r, tf.add(tf.slice(hw, [0, 2 * H], [B, H]), bh))));
					h = tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
					out.push(h);
				}
				return tf.stack(out, 1);
			};
			const part = (v: tf.Tensor, k: number) => tf.slice(v, [k * H], [H]);
			return tf.concat([direction(pf, wf, part(bzr, 0), part(bzr, 2), part(bn, 0)), direction(pb, wb, part(bzr, 1), part(bzr, 3), part(bn, 1))], 2);
		};
		const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];
		tf.tidy(() => {
			expect(maxDiff(fast(inputs), naive(inputs))).toBeLessThan(1e-5);
			const loss = (f: (xs: tf.Tensor[]) => tf.Tensor) => (...xs: tf.Tensor[]) => tf.sum(tf.mul(f(xs), probe));
			const expected = tf.grads(loss(naive))(inputs);
			const actual = tf.grads(loss(fast))(inputs);
			expected.forEach((g, i) => expect(maxDiff(actual[i], g)).toBeLessThan(1e-5));
		});
		tf.dispose([...inputs, probe]);
	});
});
