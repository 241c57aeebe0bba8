import { describe, expect, it } from 'vitest';
import { gbdtModel } from '../../../../models/gbdt';
import { decodeState, encodeState } from '../../../../models/shared/state-json';
import type { GbdtState } from '../../../../models/gbdt';
import { accuracy, blobs, context, noisyBinary } from './helpers';
import { loadSplit, probabilityAuc as rocAuc } from '../split-fixture';

const churn = loadSplit('wa_churn.split.csv', 'churn', 'Yes');
const credit = loadSplit('credit_data.split.csv', 'Status', 'bad');
const TUNED = { ...gbdtModel.defaults, nEstimators: 200, maxDepth: 3, learningRate: 0.05 };

describe('gbdtModel', () => {
	it('fit(churn, {seed: 1}) is deterministic with subsampling', async () => {
		const params = { ...gbdtModel.defaults, nEstimators: 20, subsample: 0.8, colsampleByTree: 0.7 };
		const a = await gbdtModel.fit(churn.train, params, context(1));
		const b = await gbdtModel.fit(churn.train, params, context(1));
		expect(a).toEqual(b);
		const c = await gbdtModel.fit(churn.train, params, context(2));
		expect(c.trees.value).not.toEqual(a.trees.value);
	});

	it('predict(structuredClone(state)) and predict(decodeState(JSON)) give identical probabilities', async () => {
		const state = await gbdtModel.fit(churn.train, { ...gbdtModel.defaults, nEstimators: 20 }, context());
		const p = (await gbdtModel.predict(state, churn.test.X)).probabilities;
		const cloned = structuredClone(state);
		const json = decodeState<GbdtState>(JSON.parse(JSON.stringify(encodeState(state))));
		expect((await gbdtModel.predict(cloned, churn.test.X)).probabilities).toEqual(p);
		expect((await gbdtModel.predict(json, churn.test.X)).probabilities).toEqual(p);
		await expect(gbdtModel.predict({ ...state, kind: 'forest' } as never, churn.test.X)).rejects.toThrow(/invalid state kind/);
	});

	it.each([
		['wa_churn tuned', churn, TUNED, 0.84],
		['wa_churn defaults', churn, gbdtModel.defaults, 0.8],
		['credit tuned', credit, TUNED, 0.85]
	] as const)('fit(%s) reaches the AUC floor', async (_, data, params, floor) => {
		const state = await gbdtModel.fit(data.train, params, context());
		const p = await gbdtModel.predict(state, data.test.X);
		expect(p.probabilities.length).toBe(data.test.X.rows * 2);
		expect(rocAuc(p.probabilities, data.test.y)).toBeGreaterThanOrEqual(floor);
	});

	it('explain(state) sums split gain per column, contract first', async () => {
		const state = await gbdtModel.fit(churn.train, TUNED, context());
		const e = await gbdtModel.explain(state, churn.test.X);
		expect(e.method).toBe('total split gain');
		expect(e.importance.map((i) => i.feature)).toEqual(churn.train.X.columns.map((c) => c.name));
		const top = [...e.importance].sort((a, b) => b.value - a.value)[0].feature;
		expect(['contract', 'tenure', 'internet_service']).toContain(top);
	});

	it('fit(3 blobs) uses softmax with one tree per class per round', async () => {
		const train = blobs(600, 1);
		const test = blobs(300, 2);
		const state = await gbdtModel.fit(train, { ...gbdtModel.defaults, nEstimators: 30 }, context());
		expect(state.treesPerRound).toBe(3);
		expect(state.trees.treeStart.length - 1).toBe(90);
		const p = await gbdtModel.predict(state, test.X);
		expect(accuracy(p.probabilities, test.y)).toBeGreaterThanOrEqual(0.85);
	});

	it('fit(data, {earlyStoppingRounds: 5}) stops before nEstimators and keeps the best round', async () => {
		const progress: number[] = [];
		const state = await gbdtModel.fit(
			noisyBinary(1500, 1),
			{ ...gbdtModel.defaults, nEstimators: 300, earlyStoppingRounds: 5 },
			context(1, { validation: noisyBinary(800, 2), progress: (p) => progress.push(p.fraction) })
		);
		expect(state.curve!.length).toBeLessThan(300);
		expect(state.curve!.length).toBe(state.bestIteration + 1 + 5);
		expect(state.trees.treeStart.length - 1).toBe(state.bestIteration + 1);
		const losses = state.curve!.map((c) => c.validLoss!);
		expect(Math.min(...losses)).toBe(losses[state.bestIteration]);
		expect(progress.length).toBe(state.curve!.length);
	});

	it('fit(data) with an aborted signal rejects with CancelledError', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(gbdtModel.fit(churn.train, gbdtModel.defaults, context(1, { signal: controller.signal }))).rejects.toMatchObject({ name: 'CancelledError', message: 'Cancelled.' });
		const running = new AbortController();
		const fit = gbdtModel.fit(noisyBinary(20000, 3), { ...gbdtModel.defaults, nEstimators: 5000 }, context(1, { signal: running.signal }));
		setTimeout(() => running.abort(), 30);
		await expect(fit).rejects.toMatchObject({ name: 'CancelledError' });
	});

	it('fit(data, {maxBins: 0}) throws invalid maxBins', async () => {
		await expect(gbdtModel.fit(churn.train, { ...gbdtModel.defaults, maxBins: 0 }, context())).rejects.toThrow('invalid maxBins: 0');
	});
});
