import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { logisticModel, type LogisticState } from '../../../../models/logistic';
import { decodeState, encodeState } from '../../../../models/shared/state-json';
import { loadSplit, positiveScores, quietContext, rejection, rocAuc, threeClassTask, useBackend } from './csv-fixture';

const churn = loadSplit('wa_churn.split.csv', 'churn', 'Yes');
const credit = loadSplit('credit_data.split.csv', 'Status', 'bad');

beforeAll(() => useBackend('cpu'));

describe('logisticModel quality (test split AUC, scikit-learn: 0.842 / 0.855)', () => {
	it.each([
		['wa_churn', churn, 0.835],
		['credit_data', credit, 0.85]
	] as const)('fit(%s train, defaults) scores the test rows above the floor', async (_name, { train, test }, floor) => {
		const state = await logisticModel.fit(train, logisticModel.defaults, quietContext());
		const prediction = await logisticModel.predict(state, test.X);
		expect(rocAuc(test.y, positiveScores(prediction.probabilities))).toBeGreaterThanOrEqual(floor);
	});

	it('fit(wa_churn, {classWeight: "balanced"}) keeps the ranking quality', async () => {
		const state = await logisticModel.fit(churn.train, { ...logisticModel.defaults, classWeight: 'balanced' }, quietContext());
		const prediction = await logisticModel.predict(state, churn.test.X);
		expect(rocAuc(churn.test.y, positiveScores(prediction.probabilities))).toBeGreaterThanOrEqual(0.835);
	});
});

describe('logisticModel contract', () => {
	it('fit(data, {seed: 1}) is deterministic', async () => {
		const a = await logisticModel.fit(credit.train, logisticModel.defaults, quietContext(1));
		const b = await logisticModel.fit(credit.train, logisticModel.defaults, quietContext(1));
		expect(b.weights).toEqual(a.weights);
		expect((await logisticModel.predict(b, credit.test.X)).probabilities).toEqual((await logisticModel.predict(a, credit.test.X)).probabilities);
	});

	it('predict(state) is unchanged after structuredClone and JSON (encodeState/decodeState)', async () => {
		const state = await logisticModel.fit(credit.train, logisticModel.defaults, quietContext());
		const expected = (await logisticModel.predict(state, credit.test.X)).probabilities;
		const cloned = structuredClone(state);
		const revived = decodeState<LogisticState>(JSON.parse(JSON.stringify(encodeState(state))));
		expect((await logisticModel.predict(cloned, credit.test.X)).probabilities).toEqual(expected);
		expect((await logisticModel.predict(revived, credit.test.X)).probabilities).toEqual(expected);
	});

	it('fit/predict/explain keep tf.memory().numTensors flat over many fits', async () => {
		const start = tf.memory().numTensors;
		for (let i = 0; i < 4; i++) {
			const state = await logisticModel.fit(credit.train, { ...logisticModel.defaults, maxIterations: 20 }, quietContext(i));
			await logisticModel.predict(state, credit.test.X);
			await logisticModel.explain(state, credit.test.X);
			expect(tf.memory().numTensors).toBe(start);
		}
	});

	it('fit(data, params, {signal: aborted}) rejects with CancelledError', async () => {
		const controller = new AbortController();
		controller.abort();
		const error = await rejection(logisticModel.fit(credit.train, logisticModel.defaults, quietContext(1, controller.signal)));
		expect(error.name).toBe('CancelledError');
		expect(error.message).toBe('Cancelled.');
	});

	it('fit(data) rejects with CancelledError when aborted mid-fit, and frees its tensors', async () => {
		const start = tf.memory().numTensors;
		const controller = new AbortController();
		const ctx = { ...quietContext(1, controller.signal), progress: () => controller.abort() };
		const error = await rejection(logisticModel.fit(churn.train, { ...logisticModel.defaults, tolerance: 1e-12 }, ctx));
		expect(error.name).toBe('CancelledError');
		expect(tf.memory().numTensors).toBe(start);
	});

	it('fit(data) reports progress with a training curve', async () => {
		const stages: string[] = [];
		const ctx = { ...quietContext(), progress: (p: { stage: string }) => stages.push(p.stage) };
		const state = await logisticModel.fit(credit.train, logisticModel.defaults, ctx);
		expect(stages[0]).toMatch(/^Iteration 1\/200$/);
		expect(state.curve!.length).toBe(state.iterations);
		expect(state.curve![state.curve!.length - 1].trainLoss).toBeLessThan(state.curve![0].trainLoss);
	});

	it('fit(threeClassTask) learns a 3-class softmax', async () => {
		const data = threeClassTask();
		const state = await logisticModel.fit(data, logisticModel.defaults, quietContext());
		expect(state.outputs).toBe(3);
		const { probabilities, classes } = await logisticModel.predict(state, data.X);
		expect(classes).toEqual(['low', 'mid', 'high']);
		let correct = 0;
		for (let r = 0; r < data.X.rows; r++) {
			const row = Array.from(probabilities.subarray(r * 3, r * 3 + 3));
			expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
			if (row.indexOf(Math.max(...row)) === data.y[r]) correct++;
		}
		expect(correct / data.X.rows).toBeGreaterThanOrEqual(0.8);
	});

	it('explain(state, X) covers every feature, largest for the known drivers of churn', async () => {
		const state = await logisticModel.fit(churn.train, logisticModel.defaults, quietContext());
		const { importance, method } = await logisticModel.explain(state, churn.test.X);
		expect(method).toMatch(/coefficient/);
		expect(importance.map((i) => i.feature)).toEqual(churn.train.X.columns.map((c) => c.name));
		for (const { value } of importance) expect(value).toBeGreaterThanOrEqual(0);
		const top = [...importance].sort((a, b) => b.value - a.value).slice(0, 5).map((i) => i.feature);
		expect(top).toEqual(expect.arrayContaining(['tenure', 'contract']));
	});

	it.each([
		['C', { C: 0 }],
		['classWeight', { classWeight: 'some' }],
		['maxIterations', { maxIterations: 1.5 }]
	] as const)('fit(data, bad %s) throws', async (_name, bad) => {
		const params = { ...logisticModel.defaults, ...bad } as unknown as typeof logisticModel.defaults;
		expect((await rejection(logisticModel.fit(credit.train, params, quietContext()))).message).toMatch(/^invalid/);
	});

	it('predict(state of another kind) and predict(state, X without a column) throw', async () => {
		const state = await logisticModel.fit(credit.train, { ...logisticModel.defaults, maxIterations: 5 }, quietContext());
		await expect(logisticModel.predict({ ...state, kind: 'mlp' } as unknown as LogisticState, credit.test.X)).rejects.toThrow('invalid model kind');
		const fewer = { rows: credit.test.X.rows, columns: credit.test.X.columns.slice(1) };
		await expect(logisticModel.predict(state, fewer)).rejects.toThrow('missing column');
	});
});
