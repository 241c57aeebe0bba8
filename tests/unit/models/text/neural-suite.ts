/**
 * The tests every neural text model passes (recurrent network, transformer):
 * seeded determinism, state round trips, no tensor leak, a softmax head,
 * early stopping on the caller's rows, cancellation, and (SLOW=1) the speed
 * and quality floors on the review split. Each model's own file adds what is
 * particular to it.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NeuralState } from '../../../../models/text/neural/model';
import type { TextModelSpec } from '../../../../models/text/types';
import type { TrainingParams } from '../../../../models/text/neural/params';
import { decodeState, encodeState } from '../../../../models/shared/state-json';
import { rejection } from '../logistic/csv-fixture';
import { accuracy, quietContext, reviewSplit, toyCorpus } from './neural-fixture';

export function describeNeuralModel<P extends TrainingParams, S extends NeuralState<unknown>>(name: string, model: TextModelSpec<P, S>, tiny: P): void {
	const train = toyCorpus(48, 1);
	const unseen = toyCorpus(24, 99);

	describe(`${name}: the neural model contract`, () => {
		let state: S;
		beforeAll(async () => {
			state = await model.fit(train, tiny, quietContext(1));
		});

		it('is deterministic for a seed; another seed gives other weights', async () => {
			const again = await model.fit(train, tiny, quietContext(1));
			expect(again.weights).toEqual(state.weights);
			expect((await model.predict(again, unseen.texts)).probabilities).toEqual((await model.predict(state, unseen.texts)).probabilities);
			const other = await model.fit(train, tiny, quietContext(2));
			expect(other.weights.embedding.values).not.toEqual(state.weights.embedding.values);
		});

		it('predicts the same after structuredClone and JSON (encodeState/decodeState)', async () => {
			const expected = (await model.predict(state, unseen.texts)).probabilities;
			const revived = decodeState<S>(JSON.parse(JSON.stringify(encodeState(state))));
			expect((await model.predict(structuredClone(state), unseen.texts)).probabilities).toEqual(expected);
			expect((await model.predict(revived, unseen.texts)).probabilities).toEqual(expected);
		});

		it('keeps tf.memory().numTensors flat over fit, predict, explain and topTerms', async () => {
			const start = tf.memory().numTensors;
			const s = await model.fit(train, { ...tiny, epochs: 2, validationFraction: 0.25, averageDecay: 0.9, dropout: 0.2, wordDropout: 0.1 }, quietContext(3));
			await model.predict(s, unseen.texts);
			await model.explainText(s, unseen.texts[0], 1);
			await model.topTerms(s, 0, 4, unseen.texts);
			expect(tf.memory().numTensors).toBe(start);
		});

		it('learns three classes (softmax head)', async () => {
			const three = toyCorpus(60, 5, 3);
			const s = await model.fit(three, { ...tiny, epochs: 15 }, quietContext(1));
			expect(s.outputs).toBe(3);
			const test = toyCorpus(30, 77, 3);
			const prediction = await model.predict(s, test.texts);
			expect(prediction.probabilities).toHaveLength(90);
			expect(accuracy(test.y, prediction.probabilities, 3)).toBeGreaterThanOrEqual(0.9);
		});

		it('uses ctx.validation for early stopping and reports the curve per epoch', async () => {
			const curve: number[] = [];
			const s = await model.fit(train, { ...tiny, epochs: 4, patience: 1 }, {
				...quietContext(1, new AbortController().signal, unseen),
				progress: (p) => p.curve && curve.push(p.curve.validLoss!)
			});
			expect(curve.length).toBeGreaterThan(0);
			expect(curve.every(Number.isFinite)).toBe(true);
			expect(s.bestEpoch).toBeGreaterThanOrEqual(1);
		});

		it('rejects with CancelledError when aborted, soon after the signal, or at once when aborted before', async () => {
			const controller = new AbortController();
			let abortedAt = 0;
			const p = model.fit(train, { ...tiny, epochs: 50 }, {
				...quietContext(1, controller.signal),
				progress: () => {
					if (!abortedAt) (abortedAt = performance.now()), controller.abort();
				}
			});
			expect((await rejection(p)).name).toBe('CancelledError');
			expect(performance.now() - abortedAt).toBeLessThan(1000);
			const already = new AbortController();
			already.abort();
			expect((await rejection(model.fit(train, tiny, quietContext(1, already.signal)))).name).toBe('CancelledError');
		});
	});

	describe.skipIf(!process.env.SLOW)(`${name} on the review split (SLOW=1; WASM; TF-IDF + logistic regression: 0.788)`, () => {
		const { train: reviews, test } = reviewSplit();

		it('times one epoch on the 4,000 train reviews and scores ≥ 200 reviews/s', async () => {
			const started = performance.now();
			const s = await model.fit(reviews, { ...model.defaults, epochs: 1, validationFraction: 0 }, quietContext(42));
			const epochS = (performance.now() - started) / 1000;
			const t0 = performance.now();
			await model.predict(s, test.texts);
			const perS = test.texts.length / ((performance.now() - t0) / 1000);
			console.log(`${name}: one epoch on ${reviews.texts.length} reviews ${epochS.toFixed(1)} s; scoring ${perS.toFixed(0)} reviews/s`);
			expect(perS).toBeGreaterThanOrEqual(200);
		}, 600_000);

		it('fit on the 4,000 train reviews scores ≥ 0.78 accuracy on the 1,000 test reviews', async () => {
			const s = await model.fit(reviews, model.defaults, quietContext(42));
			const acc = accuracy(test.y, (await model.predict(s, test.texts)).probabilities, 2);
			console.log(`${name}: test accuracy ${acc.toFixed(3)} (best epoch ${s.bestEpoch} of ${s.curve!.length})`);
			expect(acc).toBeGreaterThanOrEqual(0.78);
		}, 900_000);
	});
}
