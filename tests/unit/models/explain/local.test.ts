import { beforeAll, describe, expect, it } from 'vitest';
import { limeExplain, partialDependence, searchCounterfactuals, withValues, type Predictor } from '../../../../models/explain';
import { MODELS, type Features } from '../../../../models';
import type { GbdtState } from '../../../../models/gbdt';
import { createRng } from '../../../../models/shared/random';
import { churnTable, context, head } from './fixtures';

const LEVELS = ['Month-to-month', 'One year', 'Two year'];
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Customers with tenure, charges, contract and noise (columns in that order). */
function table(rows: { tenure: number; charges: number; contract: number; noise: number }[]): Features {
	return {
		rows: rows.length,
		columns: [
			{ name: 'tenure', kind: 'numeric', values: Float64Array.from(rows, (r) => r.tenure) },
			{ name: 'charges', kind: 'numeric', values: Float64Array.from(rows, (r) => r.charges) },
			{ name: 'contract', kind: 'categorical', codes: Int32Array.from(rows, (r) => r.contract), levels: LEVELS },
			{ name: 'noise', kind: 'numeric', values: Float64Array.from(rows, (r) => r.noise) }
		]
	};
}

/** Applies `f(tenure, charges, contract, noise)` to every row. */
function predictor(f: (tenure: number, charges: number, contract: number, noise: number) => number): Predictor {
	return async (X) => {
		const [t, c, k, n] = X.columns;
		if (t.kind !== 'numeric' || c.kind !== 'numeric' || k.kind !== 'categorical' || n.kind !== 'numeric') throw new Error('bad columns');
		return Float64Array.from({ length: X.rows }, (_, r) => f(t.values[r], c.values[r], k.codes[r], n.values[r]));
	};
}

/** Linear in the values: longer tenure and lower charges lower the risk; month-to-month raises it. */
const linear = predictor((tenure, charges, contract) => 0.5 - 0.004 * tenure + 0.001 * (charges - 70) + (contract === 0 ? 0.15 : 0));
/** Logistic; noise (not actionable) matters a lot. */
const logistic = predictor((tenure, charges, contract, noise) => sigmoid(2 - tenure / 20 + charges / 50 + (contract === 0 ? 1.5 : 0) - 4 * noise));

const customer = table([{ tenure: 2, charges: 20, contract: 0, noise: 0.5 }]);
const rng = createRng(7);
/** Everyone else: long tenure, high charges, two-year contracts. */
const background = table(Array.from({ length: 30 }, () => ({ tenure: 60, charges: 90, contract: 2, noise: rng() })));

describe('limeExplain', () => {
	it('limeExplain(predict, customer, background, {seed: 3}) is deterministic', async () => {
		const a = await limeExplain(logistic, customer, background, { seed: 3, samples: 300 });
		const b = await limeExplain(logistic, customer, background, { seed: 3, samples: 300 });
		expect(b).toEqual(a);
		expect(a.samples).toBe(300);
	});

	it('limeExplain(linear, …) recovers the signs, order and size of the effects with r2 > 0.9', async () => {
		const lime = await limeExplain(linear, customer, background, { seed: 1, maxFeatures: 3 });
		expect(lime.weights.map((w) => w.feature)).toEqual(['tenure', 'contract', 'charges']);
		const points = Object.fromEntries(lime.weights.map((w) => [w.feature, w.weight]));
		// Keeping tenure 2 instead of 60: +0.004 × 58 = +23.2 pts; contract +15 pts; charges 20 instead of 90: −7 pts.
		expect(points.tenure).toBeCloseTo(23.2, 0);
		expect(points.contract).toBeCloseTo(15, 0);
		expect(points.charges).toBeCloseTo(-7, 0);
		expect(lime.r2).toBeGreaterThan(0.9);
		expect(lime.localPrediction).toBeCloseTo(lime.prediction, 2);
		expect(lime.prediction).toBeCloseTo((await linear(customer))[0], 12);
		expect(lime.intercept + lime.weights.reduce((s, w) => s + w.weight / 100, 0)).toBeCloseTo(lime.localPrediction, 12);
	});

	it('limeExplain(predict, …, {maxFeatures: 2}) keeps the two largest effects, sorted by |weight|', async () => {
		const lime = await limeExplain(linear, customer, background, { seed: 2, maxFeatures: 2 });
		expect(lime.weights.map((w) => w.feature)).toEqual(['tenure', 'contract']);
	});
});

describe('partialDependence', () => {
	const sample = background;
	const tenureOnly = predictor((tenure) => sigmoid(1 - tenure / 20));
	const mixed = table(Array.from({ length: 40 }, (_, i) => ({ tenure: i * 2, charges: 20 + i, contract: i % 3, noise: 0 })));

	it('partialDependence(tenureOnly, X, charges) is flat', async () => {
		const pd = await partialDependence(tenureOnly, mixed, 1, { gridSize: 8 });
		expect(pd.kind).toBe('numeric');
		expect(pd.grid.length).toBe(8);
		for (const v of pd.average) expect(v).toBeCloseTo(pd.average[0], 12);
	});

	it('partialDependence(tenureOnly, X, tenure) is monotone decreasing with quantile grid points', async () => {
		let calls = 0;
		const pd = await partialDependence(tenureOnly, mixed, 0, { gridSize: 5, progress: () => calls++ });
		expect(pd.grid).toEqual([0, 19.5, 39, 58.5, 78]);
		for (let g = 1; g < pd.average.length; g++) expect(pd.average[g]).toBeLessThan(pd.average[g - 1]);
		expect(calls).toBe(5);
	});

	it('partialDependence(predict, X, contract, {iceRows: 7}) has level grid and 7 ICE rows', async () => {
		const pd = await partialDependence(logistic, mixed, 2, { iceRows: 7 });
		expect(pd.grid).toEqual(LEVELS);
		expect(pd.ice.length).toBe(7);
		expect(pd.rows).toBe(40);
		for (const curve of pd.ice) expect(curve.length).toBe(3);
		expect(pd.average[0]).toBeGreaterThan(pd.average[2]);
		const small = await partialDependence(logistic, sample, 0, { iceRows: 100 });
		expect(small.ice.length).toBe(sample.rows);
	});
});

describe('searchCounterfactuals', () => {
	const candidates = { contract: LEVELS, charges: [20, 40, 60, 80, 100], tenure: [70], noise: [1] };
	/** Records every row scored so tests can see which columns moved. */
	function spy(predict: Predictor): { predict: Predictor; rows: Features[] } {
		const rows: Features[] = [];
		return { rows, predict: async (X) => (rows.push(X), predict(X)) };
	}
	const risky = table([{ tenure: 5, charges: 100, contract: 0, noise: 0.2 }]);

	it('searchCounterfactuals(…) changes only actionable columns and reaches the target when re-scored', async () => {
		const s = spy(logistic);
		const result = await searchCounterfactuals(s.predict, risky, { actionable: ['contract', 'charges'], target: 0.8, candidates });
		expect(result.original).toBeGreaterThan(0.9);
		expect(result.found.length).toBeGreaterThan(0);
		for (const cf of result.found) {
			expect(cf.probability).toBeLessThan(0.8);
			for (const c of cf.changes) expect(['contract', 'charges']).toContain(c.feature);
			const changed = withValues(risky, 0, Object.fromEntries(cf.changes.map((c) => [c.feature, c.to])));
			expect(cf.probability).toBe((await logistic(changed))[0]);
		}
		for (const X of s.rows)
			for (const name of ['tenure', 'noise']) {
				const col = X.columns.find((c) => c.name === name)!;
				if (col.kind === 'numeric') for (const v of col.values) expect(v).toBe(name === 'tenure' ? 5 : 0.2);
			}
	});

	it('searchCounterfactuals(…) prefers one change over two, sorted by size then probability', async () => {
		// Charges 20 alone ≈ 0.945, either longer contract alone ≈ 0.950, both ≈ 0.794.
		const result = await searchCounterfactuals(logistic, risky, { actionable: ['contract', 'charges'], target: 0.96, candidates });
		expect(result.found[0].changes).toEqual([{ feature: 'charges', from: 100, to: 20 }]);
		expect(result.found.map((f) => f.changes.length)).toEqual([1, 1, 1]);
		for (let i = 1; i < result.found.length; i++) {
			const [a, b] = [result.found[i - 1], result.found[i]];
			expect(a.changes.length < b.changes.length || (a.changes.length === b.changes.length && a.probability <= b.probability)).toBe(true);
		}
		expect(result.found.length).toBeLessThanOrEqual(5);
		expect(result.searched).toBeGreaterThan(0);
	});

	it('searchCounterfactuals(…) needs two changes for a lower target', async () => {
		// One change gets to ≈ 0.945 at best; charges 20 with a longer contract ≈ 0.794.
		const result = await searchCounterfactuals(logistic, risky, { actionable: ['contract', 'charges'], target: 0.85, candidates });
		expect(result.found.length).toBeGreaterThan(0);
		expect(result.found[0].changes.length).toBe(2);
		expect(result.found[0].probability).toBeCloseTo(sigmoid(2 - 0.25 + 0.4 - 0.8), 12);
	});

	it('searchCounterfactuals(…) returns found: [] when the target is out of reach', async () => {
		const result = await searchCounterfactuals(logistic, risky, { actionable: ['contract', 'charges'], target: 0.01, candidates });
		expect(result.found).toEqual([]);
		expect(result.original).toBeGreaterThan(0.9);
	});

	it('searchCounterfactuals(…) is deterministic and answers "no changes" below the target', async () => {
		const options = { actionable: ['contract', 'charges', 'noise'], target: 0.9, candidates, maxChanges: 3 };
		const a = await searchCounterfactuals(logistic, risky, options);
		expect(await searchCounterfactuals(logistic, risky, options)).toEqual(a);
		expect(a.found.length).toBe(5);
		const calm = await searchCounterfactuals(logistic, risky, { ...options, target: 0.999 });
		expect(calm.found).toEqual([{ changes: [], probability: calm.original }]);
	});

	it('searchCounterfactuals(…) rejects an unknown actionable column', async () => {
		await expect(searchCounterfactuals(logistic, risky, { actionable: ['plan'], target: 0.5, candidates })).rejects.toThrow('invalid actionable: plan');
	});
});

describe('withValues', () => {
	it('withValues(X, 1, {contract: "One year", charges: null}) maps level names and missing', () => {
		const X = table([
			{ tenure: 1, charges: 10, contract: 0, noise: 0 },
			{ tenure: 2, charges: 20, contract: 2, noise: 0 }
		]);
		const row = withValues(X, 1, { contract: 'One year', charges: null, tenure: 9 });
		expect(row.rows).toBe(1);
		const [t, c, k] = row.columns;
		expect(t.kind === 'numeric' && t.values[0]).toBe(9);
		expect(c.kind === 'numeric' && Number.isNaN(c.values[0])).toBe(true);
		expect(k.kind === 'categorical' && k.codes[0]).toBe(1);
		const unknown = withValues(X, 1, { contract: 'Lifetime' }).columns[2];
		expect(unknown.kind === 'categorical' && unknown.codes[0]).toBe(-1);
		expect(X.columns[2].kind === 'categorical' && X.columns[2].codes[1]).toBe(2);
	});
});

describe('with a fitted gbdtModel', () => {
	const data = churnTable(300, 4);
	let predict: Predictor;
	beforeAll(async () => {
		const state: GbdtState = await MODELS.gbdt.fit(data, { ...MODELS.gbdt.defaults, nEstimators: 20, maxDepth: 3 }, context());
		predict = async (X) => {
			const p = await MODELS.gbdt.predict(state, X);
			return Float64Array.from({ length: X.rows }, (_, r) => p.probabilities[r * 2 + 1]);
		};
	});

	it('limeExplain, partialDependence and searchCounterfactuals agree with the model', async () => {
		const probs = await predict(data.X);
		const riskiest = probs.indexOf(Math.max(...probs));
		const one = withValues(data.X, riskiest, {});
		const lime = await limeExplain(predict, one, head(data.X, 100), { seed: 5, samples: 400, maxFeatures: 3 });
		expect(lime.prediction).toBeCloseTo(probs[riskiest], 12);
		expect(lime.weights.length).toBe(3);
		expect(lime.weights.every((w) => Number.isFinite(w.weight))).toBe(true);
		const pd = await partialDependence(predict, head(data.X, 60), 0, { gridSize: 6, iceRows: 10 });
		expect(pd.ice.length).toBe(10);
		expect(pd.average[0]).toBeGreaterThan(pd.average[pd.average.length - 1]);
		const cf = await searchCounterfactuals(predict, one, {
			actionable: ['contract', 'charges'],
			target: probs[riskiest] - 0.1,
			candidates: { contract: ['One year', 'Two year'], charges: [25, 50, 75, 100] }
		});
		expect(cf.found.length).toBeGreaterThan(0);
		for (const f of cf.found) {
			const changed = withValues(one, 0, Object.fromEntries(f.changes.map((c) => [c.feature, c.to])));
			expect(f.probability).toBe((await predict(changed))[0]);
			expect(f.probability).toBeLessThan(cf.target);
		}
	});
});
