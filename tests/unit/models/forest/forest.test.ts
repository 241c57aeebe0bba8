import { describe, expect, it } from 'vitest';
import { forestModel } from '../../../../models/forest';
import { decodeState, encodeState } from '../../../../models/shared/state-json';
import type { ForestState } from '../../../../models/forest';
import { accuracy, blobs, context } from '../gbdt/helpers';
import { loadSplit, probabilityAuc as rocAuc } from '../split-fixture';

const churn = loadSplit('wa_churn.split.csv', 'churn', 'Yes');

describe('forestModel', () => {
	it('fit(churn, {seed: 1}) is deterministic and survives structuredClone and JSON', async () => {
		const params = { ...forestModel.defaults, nEstimators: 15 };
		const a = await forestModel.fit(churn.train, params, context(1));
		const b = await forestModel.fit(churn.train, params, context(1));
		expect(a).toEqual(b);
		const p = (await forestModel.predict(a, churn.test.X)).probabilities;
		const json = decodeState<ForestState>(JSON.parse(JSON.stringify(encodeState(a))));
		expect((await forestModel.predict(structuredClone(a), churn.test.X)).probabilities).toEqual(p);
		expect((await forestModel.predict(json, churn.test.X)).probabilities).toEqual(p);
	});

	it('fit(churn, defaults) reaches AUC ≥ 0.82 and explains by mean decrease in impurity', async () => {
		const state = await forestModel.fit(churn.train, { ...forestModel.defaults, nEstimators: 150 }, context());
		const p = await forestModel.predict(state, churn.test.X);
		expect(rocAuc(p.probabilities, churn.test.y)).toBeGreaterThanOrEqual(0.82);
		const e = await forestModel.explain(state, churn.test.X);
		expect(e.method).toBe('mean decrease in impurity');
		expect(e.importance.length).toBe(churn.train.X.columns.length);
		expect(e.importance.reduce((s, i) => s + i.value, 0)).toBeCloseTo(1, 9);
	});

	it('fit(3 blobs) predicts class frequencies that sum to 1', async () => {
		const state = await forestModel.fit(blobs(600, 1), { ...forestModel.defaults, nEstimators: 40 }, context());
		const test = blobs(300, 2);
		const p = await forestModel.predict(state, test.X);
		expect(accuracy(p.probabilities, test.y)).toBeGreaterThanOrEqual(0.85);
		expect(p.probabilities[0] + p.probabilities[1] + p.probabilities[2]).toBeCloseTo(1, 12);
	});

	it('fit(data) with an aborted signal rejects with CancelledError', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(forestModel.fit(churn.train, forestModel.defaults, context(1, { signal: controller.signal }))).rejects.toMatchObject({ name: 'CancelledError' });
	});
});
