import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlpModel, type MlpParams, type MlpState } from '../../../../models/mlp';
import { decodeState, encodeState } from '../../../../models/shared/state-json';
import type { CurvePoint, Dataset, FitProgress } from '../../../../models/types';
import { loadSplit, positiveScores, quietContext, rejection, rocAuc, threeClassTask, useBackend } from '../logistic/csv-fixture';

const churn = loadSplit('wa_churn.split.csv', 'churn', 'Yes');
/** Few epochs keep the contract tests fast on the cpu backend. */
const QUICK: MlpParams = { ...mlpModel.defaults, epochs: 3, hiddenLayers: [16, 8] };

/** The first `n` rows of a dataset. */
function head(data: Dataset, n: number): Dataset {
	const columns = data.X.columns.map((c) =>
		c.kind === 'numeric' ? { ...c, values: c.values.slice(0, n) } : { ...c, codes: c.codes.slice(0, n) }
	);
	return { ...data, X: { rows: n, columns }, y: data.y.slice(0, n) };
}
const small = head(churn.train, 600);

beforeAll(() => useBackend('cpu'));
afterAll(() => useBackend('cpu'));

describe('mlpModel quality (test split AUC, logistic regression: 0.842)', () => {
	it('fit(wa_churn train, {epochs: 40}) on wasm scores the test rows ≥ 0.82', async () => {
		// wasm is ~4x faster than cpu in Node; the floor is the same on every backend.
		await useBackend('wasm');
		try {
			const state = await mlpModel.fit(churn.train, { ...mlpModel.defaults, epochs: 40 }, quietContext(42));
			const prediction = await mlpModel.predict(state, churn.test.X);
			expect(rocAuc(churn.test.y, positiveScores(prediction.probabilities))).toBeGreaterThanOrEqual(0.82);
			expect(state.bestEpoch).toBeGreaterThan(0);
		} finally {
			await useBackend('cpu');
		}
	});
});

describe('mlpModel contract (cpu backend)', () => {
	it('fit(data, {seed: 1}) is deterministic; another seed gives other weights', async () => {
		const a = await mlpModel.fit(small, QUICK, quietContext(1));
		const b = await mlpModel.fit(small, QUICK, quietContext(1));
		const c = await mlpModel.fit(small, QUICK, quietContext(2));
		expect(b.layers).toEqual(a.layers);
		expect(b.curve).toEqual(a.curve);
		expect((await mlpModel.predict(b, churn.test.X)).probabilities).toEqual((await mlpModel.predict(a, churn.test.X)).probabilities);
		expect(c.layers[0].weights).not.toEqual(a.layers[0].weights);
	});

	it('predict(state) is unchanged after structuredClone and JSON (encodeState/decodeState)', async () => {
		const state = await mlpModel.fit(small, QUICK, quietContext());
		const expected = (await mlpModel.predict(state, churn.test.X)).probabilities;
		const revived = decodeState<MlpState>(JSON.parse(JSON.stringify(encodeState(state))));
		expect((await mlpModel.predict(structuredClone(state), churn.test.X)).probabilities).toEqual(expected);
		expect((await mlpModel.predict(revived, churn.test.X)).probabilities).toEqual(expected);
	});

	it('fit/predict/explain keep tf.memory().numTensors flat over many fits', async () => {
		const start = tf.memory().numTensors;
		for (let seed = 0; seed < 4; seed++) {
			const state = await mlpModel.fit(small, { ...QUICK, epochs: 2 }, quietContext(seed));
			await mlpModel.predict(state, small.X);
			await mlpModel.explain(state, small.X);
			expect(tf.memory().numTensors).toBe(start);
		}
	});

	it('fit(data, params, {signal: aborted}) rejects with CancelledError, mid-fit too, freeing its tensors', async () => {
		const start = tf.memory().numTensors;
		const before = new AbortController();
		before.abort();
		const early = await rejection(mlpModel.fit(small, QUICK, quietContext(1, before.signal)));
		expect([early.name, early.message]).toEqual(['CancelledError', 'Cancelled.']);
		const during = new AbortController();
		const ctx = { ...quietContext(1, during.signal), progress: () => during.abort() };
		const late = await rejection(mlpModel.fit(small, { ...QUICK, epochs: 50 }, ctx));
		expect(late.name).toBe('CancelledError');
		expect(tf.memory().numTensors).toBe(start);
	});

	it('fit(data, params, {validation}) reports each epoch and stops early, keeping the best epoch', async () => {
		const events: FitProgress[] = [];
		const ctx = { ...quietContext(3), validation: head(churn.test, 300), progress: (p: FitProgress) => events.push(p) };
		// A large step overfits quickly, so patience 2 ends the run before 30 epochs.
		const state = await mlpModel.fit(small, { ...QUICK, epochs: 30, patience: 2, learningRate: 0.05, hiddenLayers: [64] }, ctx);
		expect(events[0]).toMatchObject({ stage: 'Epoch 1/30', fraction: 1 / 30, curve: { step: 1 } });
		const curve = state.curve as CurvePoint[];
		expect(curve.length).toBeLessThan(30);
		expect(curve.every((p) => Number.isFinite(p.trainLoss) && Number.isFinite(p.validLoss))).toBe(true);
		const bestLoss = Math.min(...curve.map((p) => p.validLoss!));
		expect(curve[state.bestEpoch - 1].validLoss).toBe(bestLoss);
	});

	it('fit(threeClassTask) learns a 3-class softmax', async () => {
		const data = threeClassTask();
		const state = await mlpModel.fit(data, { ...mlpModel.defaults, epochs: 60, batchSize: 32, learningRate: 0.01, minLevelCount: 1 }, quietContext());
		expect(state.outputs).toBe(3);
		const { probabilities } = await mlpModel.predict(state, data.X);
		let correct = 0;
		for (let r = 0; r < data.X.rows; r++) {
			const row = Array.from(probabilities.subarray(r * 3, r * 3 + 3));
			expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
			if (row.indexOf(Math.max(...row)) === data.y[r]) correct++;
		}
		expect(correct / data.X.rows).toBeGreaterThanOrEqual(0.8);
	});

	it('explain(state, X) covers every feature with non-negative importance', async () => {
		const state = await mlpModel.fit(small, QUICK, quietContext());
		const { importance, method } = await mlpModel.explain(state, churn.test.X);
		expect(method).toMatch(/gradient × input/);
		expect(importance.map((i) => i.feature)).toEqual(small.X.columns.map((c) => c.name));
		for (const { value } of importance) expect(value).toBeGreaterThanOrEqual(0);
		expect(importance.some((i) => i.value > 0)).toBe(true);
	});

	it.each([
		['hiddenLayers', { hiddenLayers: [0] }],
		['dropout', { dropout: 1 }],
		['epochs', { epochs: 0 }],
		['batchSize', { batchSize: 2.5 }]
	] as const)('fit(data, bad %s) throws', async (_name, bad) => {
		const params = { ...QUICK, ...bad } as unknown as MlpParams;
		expect((await rejection(mlpModel.fit(small, params, quietContext()))).message).toMatch(/^invalid/);
	});

	it('predict(state of another kind) throws', async () => {
		const state = await mlpModel.fit(small, { ...QUICK, epochs: 1 }, quietContext());
		await expect(mlpModel.predict({ ...state, kind: 'logistic' } as unknown as MlpState, small.X)).rejects.toThrow('invalid model kind');
	});
});
