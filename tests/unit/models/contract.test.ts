/**
 * One suite over every model of the registry: what the contract promises
 * (models/types.ts, STYLE.md) holds for each of them.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODELS, type Dataset, type FitContext, type ModelState } from '$models';
import { decodeState, encodeState } from '$models/shared/state-json';
import { createRng } from '$models/shared/random';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/** 400 customers: tenure and charges (with missing values), a contract category, churn driven by both. */
function customers(seed = 7): Dataset {
	const rng = createRng(seed);
	const n = 400;
	const tenure = new Float64Array(n);
	const charges = new Float64Array(n);
	const contract = new Int32Array(n);
	const y = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		tenure[i] = Math.floor(rng() * 72);
		charges[i] = rng() < 0.05 ? NaN : 20 + rng() * 100;
		contract[i] = rng() < 0.03 ? -1 : Math.floor(rng() * 3);
		const risk = 1.5 - tenure[i] / 24 + (contract[i] === 0 ? 1.2 : -0.8) + (Number.isNaN(charges[i]) ? 0 : charges[i] / 100);
		y[i] = rng() < 1 / (1 + Math.exp(-risk)) ? 1 : 0;
	}
	return {
		X: {
			rows: n,
			columns: [
				{ name: 'tenure', kind: 'numeric', values: tenure },
				{ name: 'monthly_charges', kind: 'numeric', values: charges },
				{ name: 'contract', kind: 'categorical', codes: contract, levels: ['Month-to-month', 'One year', 'Two year'] }
			]
		},
		y,
		classes: ['No', 'Yes']
	};
}

const ctx = (seed = 1): FitContext => ({ seed, progress: () => undefined, signal: new AbortController().signal });

/** Small settings so the suite stays fast; each model keeps its own meaning of the keys it knows. */
const FAST: Record<string, Record<string, unknown>> = {
	gbdt: { nEstimators: 20 },
	forest: { nEstimators: 20 },
	logistic: {},
	mlp: { epochs: 5 }
};

/** Fitted stages (rounds, trees, epochs) of the learners that honour `ctx.stopAt`; the others may ignore it. */
const STAGES: Record<string, (s: ModelState) => number> = {
	gbdt: (s) => s.curve!.length,
	forest: (s) => (s as unknown as { trees: { treeStart: Int32Array } }).trees.treeStart.length - 1,
	mlp: (s) => s.curve!.length
};

describe.each(Object.entries(MODELS))('%s', (kind, spec) => {
	const model = spec as unknown as {
		kind: string;
		defaults: Record<string, unknown>;
		fit(d: Dataset, p: Record<string, unknown>, c: FitContext): Promise<ModelState>;
		predict(s: ModelState, X: Dataset['X']): Promise<{ classes: string[]; probabilities: Float64Array }>;
		explain(s: ModelState, X: Dataset['X']): Promise<{ importance: { feature: string; value: number }[] }>;
	};
	const params = { ...model.defaults, ...FAST[kind] };

	it('fit(data, {seed: 1}) is deterministic and records kind and version', async () => {
		const data = customers();
		const a = await model.fit(data, params, ctx(1));
		const b = await model.fit(data, params, ctx(1));
		expect(a.kind).toBe(kind);
		expect(typeof a.version).toBe('number');
		expect(encodeState(a)).toEqual(encodeState(b));
	});

	it('fit(data) leaves its input untouched', async () => {
		const data = customers();
		const copy = structuredClone(data);
		await model.fit(data, params, ctx());
		expect(data).toEqual(copy);
	});

	it('predict(state, X) gives one probability row per customer, summing to 1', async () => {
		const data = customers();
		const state = await model.fit(data, params, ctx());
		const p = await model.predict(state, data.X);
		expect(p.classes).toEqual(['No', 'Yes']);
		expect(p.probabilities.length).toBe(data.X.rows * 2);
		for (let r = 0; r < data.X.rows; r++) expect(p.probabilities[2 * r] + p.probabilities[2 * r + 1]).toBeCloseTo(1, 6);
	});

	it('state survives structuredClone and JSON with identical predictions', async () => {
		const data = customers();
		const state = await model.fit(data, params, ctx());
		const cloned = structuredClone(state);
		const viaJson = decodeState<ModelState>(JSON.parse(JSON.stringify(encodeState(state))));
		const p = await model.predict(state, data.X);
		expect((await model.predict(cloned, data.X)).probabilities).toEqual(p.probabilities);
		expect((await model.predict(viaJson, data.X)).probabilities).toEqual(p.probabilities);
	});

	it('explain(state, X) covers every feature', async () => {
		const data = customers();
		const state = await model.fit(data, params, ctx());
		const names = (await model.explain(state, data.X)).importance.map((i) => i.feature).sort();
		expect(names).toEqual(['contract', 'monthly_charges', 'tenure']);
	});

	it('learns: training AUC well above chance', async () => {
		const data = customers();
		const state = await model.fit(data, params, ctx());
		const p = await model.predict(state, data.X);
		let pairs = 0;
		let wins = 0;
		for (let i = 0; i < data.X.rows; i++) {
			if (data.y[i] !== 1) continue;
			for (let j = 0; j < data.X.rows; j++) {
				if (data.y[j] !== 0) continue;
				pairs++;
				const d = p.probabilities[2 * i + 1] - p.probabilities[2 * j + 1];
				wins += d > 0 ? 1 : d === 0 ? 0.5 : 0;
			}
		}
		expect(wins / pairs).toBeGreaterThan(0.7);
	});

	it('fit(data, {stopAt: passed}) ends after its first stage with a usable model', async () => {
		const data = customers();
		const state = await model.fit(data, params, { ...ctx(), stopAt: performance.now() });
		if (STAGES[kind]) expect(STAGES[kind](state)).toBe(1);
		const p = await model.predict(state, data.X);
		expect(p.probabilities).toHaveLength(data.X.rows * 2);
		expect(Array.from(p.probabilities).every(Number.isFinite)).toBe(true);
	});

	it('fit with mismatched shapes throws', async () => {
		const data = customers();
		const bad: Dataset = { ...data, y: data.y.subarray(0, 10) };
		await expect(model.fit(bad, params, ctx())).rejects.toThrow();
	});
});
