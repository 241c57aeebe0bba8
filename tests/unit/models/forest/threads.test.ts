/**
 * A forest is the same whatever the number of helper threads growing its
 * trees: each tree draws from its own seeded stream, and trees come back in order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { forestModel } from '$models/forest';
import { nodeThreads } from '../../../../scripts/node-threads';
import { blobs, context } from '../gbdt/helpers';
import { loadSplit, probabilityAuc } from '../split-fixture';

const churn = loadSplit('wa_churn.split.csv', 'churn', 'Yes');
const pools = [nodeThreads(2, 0), nodeThreads(3, 0)];
afterAll(() => pools.forEach((p) => p.stop()));

describe('forest on helper threads', () => {
	it('grows the same telco churn forest on 1, 2 and 3 threads, as accurate as ever', async () => {
		const params = { ...forestModel.defaults, nEstimators: 41 };
		const one = await forestModel.fit(churn.train, params, context(4));
		for (const threads of pools) expect(await forestModel.fit(churn.train, params, context(4, { threads }))).toEqual(one);
		const p = await forestModel.predict(one, churn.test.X);
		expect(probabilityAuc(p.probabilities, churn.test.y)).toBeGreaterThanOrEqual(0.8);
	});

	it('grows the same multiclass weighted forest without bootstrap on 1 and 3 threads', async () => {
		const data = blobs(2000, 8);
		data.weights = Float64Array.from({ length: 2000 }, (_, r) => 1 + (r % 3));
		const params = { ...forestModel.defaults, nEstimators: 9, bootstrap: false, maxFeatures: 0.5 };
		const one = await forestModel.fit(data, params, context(2));
		expect(await forestModel.fit(data, params, context(2, { threads: pools[1] }))).toEqual(one);
	});
});
