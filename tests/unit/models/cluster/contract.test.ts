/**
 * One suite over every clustering model of the registry (family 'cluster' in
 * the catalogue): what the contract promises holds for each of them.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_MODELS, clusterModelOf, type DenseMatrix } from '$models/cluster';
import { CLUSTER_KINDS, MODEL_CATALOG } from '$models/catalog';
import { createRng, decodeState, encodeState } from '$models/shared';

beforeAll(async () => {
	await tf.setBackend('cpu');
	await tf.ready();
});

/** Three customer groups (spend, visits) with some noise. */
function customers(seed = 3): DenseMatrix {
	const rng = createRng(seed);
	const rows = 150;
	const cols = 2;
	const data = new Float32Array(rows * cols);
	for (let r = 0; r < rows; r++) {
		const group = r % 3;
		data[r * cols] = group * 5 + rng();
		data[r * cols + 1] = (2 - group) * 4 + rng();
	}
	return { data, rows, cols };
}

const FAST = { k: 3, restarts: 2 };

it('CLUSTER_MODELS has one model per cluster kind of the catalogue', () => {
	expect(Object.keys(CLUSTER_MODELS).sort()).toEqual([...CLUSTER_KINDS].sort());
	for (const kind of CLUSTER_KINDS) expect(clusterModelOf(kind).label).toBe(MODEL_CATALOG[kind].label);
	expect(() => clusterModelOf('gbdt')).toThrow(/invalid cluster model kind/);
});

describe.each(CLUSTER_KINDS)('%s', (kind) => {
	const model = clusterModelOf(kind);
	const params = { ...model.defaults, ...FAST };

	it('fit(X, params, {seed: 1}) is deterministic and leaves X unchanged', async () => {
		const X = customers();
		const before = X.data.slice();
		const a = await model.fit(X, params, { seed: 1 });
		const b = await model.fit(X, params, { seed: 1 });
		expect(a.state).toEqual(b.state);
		expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
		expect(X.data).toEqual(before);
		expect(a.state.kind).toBe(kind);
		expect(a.state.version).toBeGreaterThanOrEqual(1);
	});

	it('assign(state, X) gives one cluster per row, the training labels on the training rows', async () => {
		const X = customers();
		const { state, labels } = await model.fit(X, params, { seed: 1 });
		const assigned = await model.assign(state, X);
		expect(assigned.length).toBe(X.rows);
		expect(Array.from(assigned)).toEqual(Array.from(labels));
		for (const c of assigned) expect(c >= 0 && c < params.k).toBe(true);
	});

	it('the state survives structuredClone and JSON', async () => {
		const X = customers();
		const { state } = await model.fit(X, params, { seed: 1 });
		const expected = Array.from(await model.assign(state, X));
		const cloned = structuredClone(state);
		expect(Array.from(await model.assign(cloned, X))).toEqual(expected);
		const restored = model.check(decodeState(JSON.parse(JSON.stringify(encodeState(state)))));
		expect(Array.from(await model.assign(restored, X))).toEqual(expected);
	});

	it('a state of another kind, or a damaged one, is refused', async () => {
		const X = customers();
		const { state } = await model.fit(X, params, { seed: 1 });
		expect(() => model.check({ ...state, kind: 'gbdt' })).toThrow(/invalid model kind/);
		await expect(model.assign({ ...state, kind: 'forest' } as unknown as typeof state, X)).rejects.toThrow(/invalid model kind/);
		expect(() => model.check({ ...state, centroids: new Float32Array(1) })).toThrow(/invalid/);
		await expect(model.assign(state, { data: new Float32Array(3), rows: 1, cols: 3 })).rejects.toThrow(/invalid matrix/);
	});

	it('bad params throw', async () => {
		await expect(model.fit(customers(), { ...params, k: 0 }, { seed: 1 })).rejects.toThrow(/invalid k/);
	});
});
