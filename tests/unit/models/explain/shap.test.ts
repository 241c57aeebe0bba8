import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { additivityError, explainShap, explainTrees, formatReason, toProbabilityView, topReasons, type ShapResult } from '../../../../models/explain';
import { treeTarget } from '../../../../models/explain/tree';
import { MODELS, type ModelState } from '../../../../models';
import { makeEnsemble, predictAny } from '../../../../models/auto/ensemble';
import { alignFeatures } from '../../../../models/shared/tree';
import { predictMargins, type GbdtState } from '../../../../models/gbdt';
import type { ForestState } from '../../../../models/forest';
import { encode } from '../../../../models/shared/encode';
import type { LogisticState } from '../../../../models/logistic';
import { bruteForceShap, churnTable, context, handEnsemble, head } from './fixtures';

const { gbdt: gbdtModel, forest: forestModel, logistic: logisticModel, mlp: mlpModel } = MODELS;
const binary = churnTable(400, 1);
const multi = churnTable(400, 2, 3);
const rows = head(binary.X, 40);


let gbdt: GbdtState;
let gbdtMulti: GbdtState;
let forest: ForestState;
let logistic: LogisticState;

beforeAll(async () => {
	await tf.setBackend('cpu');
	gbdt = await gbdtModel.fit(binary, { ...gbdtModel.defaults, nEstimators: 15, maxDepth: 4 }, context());
	gbdtMulti = await gbdtModel.fit(multi, { ...gbdtModel.defaults, nEstimators: 8, maxDepth: 3 }, context());
	forest = await forestModel.fit(binary, { ...forestModel.defaults, nEstimators: 12, maxDepth: 5 }, context());
	logistic = await logisticModel.fit(binary, logisticModel.defaults, context());
});

describe('explainTrees', () => {
	it.each([
		['gbdt binary', () => gbdt, 1, binary.X],
		['gbdt multiclass', () => gbdtMulti, 2, multi.X],
		['gbdt multiclass class 0', () => gbdtMulti, 0, multi.X],
		['forest', () => forest, 1, binary.X]
	] as const)('explainTrees(%s) adds up to output − base within 1e-9 and the probability view within 1e-6', async (_, state, classIndex, X) => {
		const res = await explainTrees(state(), head(X, 60), { classIndex });
		expect(additivityError(res)).toBeLessThan(1e-9);
		const s = state();
		if (s.kind === 'gbdt') {
			const margins = predictMargins(s, head(X, 60));
			const T = s.treesPerRound;
			for (let r = 0; r < res.rows; r++) expect(res.outputs[r]).toBeCloseTo(margins[r * T + (T === 1 ? 0 : classIndex)], 9);
		} else {
			const p = (await forestModel.predict(s, head(X, 60))).probabilities;
			for (let r = 0; r < res.rows; r++) expect(res.outputs[r]).toBeCloseTo(p[r * 2 + 1], 9);
		}
		if (s.kind === 'gbdt' && s.treesPerRound === 1) {
			const view = toProbabilityView(res);
			expect(additivityError(view)).toBeLessThan(1e-6);
			const p = (await gbdtModel.predict(s, head(X, 60))).probabilities;
			for (let r = 0; r < res.rows; r++) expect(view.outputs[r]).toBeCloseTo(p[r * 2 + 1], 9);
		}
	});

	it.each([
		['gbdt binary', () => gbdt, 1, binary.X],
		['gbdt multiclass', () => gbdtMulti, 1, multi.X],
		['forest', () => forest, 1, binary.X]
	] as const)('explainTrees(%s) equals brute-force path-dependent Shapley values (leaf tables and recursion)', async (_, state, classIndex, X) => {
		const s = state();
		const some = head(X, 12);
		const fast = await explainTrees(s, some, { classIndex });
		const recursive = await explainTrees(s, some, { classIndex, recursive: true });
		const linear = await explainTrees(s, some, { classIndex, method: 'linear' });
		const a = alignFeatures(s.features, some);
		const target = treeTarget(s, classIndex);
		for (let r = 0; r < some.rows; r++) {
			const phi = bruteForceShap(s.trees, target, a.categorical, a.values.subarray(r * 4, r * 4 + 4), 4);
			for (let f = 0; f < 4; f++) {
				expect(fast.values[r * 4 + f]).toBeCloseTo(phi[f], 10);
				expect(recursive.values[r * 4 + f]).toBeCloseTo(phi[f], 10);
				expect(linear.values[r * 4 + f]).toBeCloseTo(phi[f], 10);
			}
		}
	});

	it('Linear TreeSHAP and the automatic choice (the subtree memo, 50 rows) equal the recursion on deep forests with repeated features', async () => {
		for (const [seed, maxDepth] of [[2, 9], [3, 0]] as const) {
			const deep = await forestModel.fit(binary, { ...forestModel.defaults, nEstimators: 6, maxDepth, minSamplesLeaf: 1 }, context(seed));
			const some = head(binary.X, 50);
			const auto = await explainTrees(deep, some, { classIndex: 1 });
			const linear = await explainTrees(deep, some, { classIndex: 1, method: 'linear' });
			const recursive = await explainTrees(deep, some, { classIndex: 1, recursive: true });
			expect(additivityError(linear)).toBeLessThan(1e-9);
			for (let i = 0; i < recursive.values.length; i++) {
				expect(Math.abs(linear.values[i] - recursive.values[i])).toBeLessThan(1e-12);
				expect(Math.abs(auto.values[i] - recursive.values[i])).toBeLessThan(1e-12);
			}
			for (let r = 0; r < some.rows; r++) expect(linear.outputs[r]).toBeCloseTo(recursive.outputs[r], 12);
		}
	});

	it('explainTrees(hand-built) gives 0 to an unused copy of a used feature and equal values to symmetric features', async () => {
		const split = (feature: number, left: number, right: number) => ({
			feature,
			threshold: 0.5,
			left: { leaf: left, cover: 10 },
			right: { leaf: right, cover: 10 }
		});
		// Tree 1 uses x0 only; tree 2 is symmetric in x1 and x2 (x1 AND x2). x3 is a copy of x0, never split on.
		const trees = handEnsemble([split(0, -1, 1), { feature: 1, threshold: 0.5, left: split(2, 0, 0), right: split(2, 0, 2) }]);
		const state = {
			kind: 'gbdt', version: 1, classes: ['No', 'Yes'], treesPerRound: 1, baseScore: [0], bestIteration: 1, trees,
			features: ['x0', 'x1', 'x2', 'x3'].map((name) => ({ name, kind: 'numeric' as const }))
		} as GbdtState;
		const values = [[1, 1, 1, 1], [0, 1, 1, 0], [1, 0, 0, 1], [NaN, 1, 1, NaN]];
		const X = { rows: 4, columns: ['x0', 'x1', 'x2', 'x3'].map((name, f) => ({ name, kind: 'numeric' as const, values: Float64Array.from(values, (v) => v[f]) })) };
		const res = await explainTrees(state, X);
		for (let r = 0; r < 4; r++) {
			expect(res.values[r * 4 + 3]).toBe(0);
			expect(res.values[r * 4 + 1]).toBeCloseTo(res.values[r * 4 + 2], 12);
		}
		expect(res.values[0]).toBeCloseTo(1, 12); // x0 moves tree 1 from its mean 0 to +1
		expect(res.values[1]).toBeCloseTo(0.75, 12); // AND of two fair coins: (2 − 0.5) / 2
		expect(res.values[12]).toBeCloseTo(1, 12); // missing x0 follows defaultLeft = 0: right, the +1 leaf
	});
});

describe('explainLinear', () => {
	it('explainShap(logistic) equals coefficient × (encoded value − mean), summed over one-hot parts', async () => {
		const res = await explainShap(logistic, rows, { background: binary.X });
		const enc = encode(logistic.encoder, rows);
		const bg = encode(logistic.encoder, binary.X);
		for (let r = 0; r < rows.rows; r++) {
			const expected = new Float64Array(4);
			for (let j = 0; j < enc.cols; j++) {
				let mean = 0;
				for (let b = 0; b < bg.rows; b++) mean += bg.matrix[b * bg.cols + j] / bg.rows;
				expected[enc.source[j]] += logistic.weights[j] * (enc.matrix[r * enc.cols + j] - mean);
			}
			for (let f = 0; f < 4; f++) expect(res.values[r * 4 + f]).toBeCloseTo(expected[f], 8);
		}
		expect(additivityError(res)).toBeLessThan(1e-9);
		const p = (await logisticModel.predict(logistic, rows)).probabilities;
		for (let r = 0; r < rows.rows; r++) expect(1 / (1 + Math.exp(-res.outputs[r]))).toBeCloseTo(p[r * 2 + 1], 5);
		expect(res.note).toMatch(/independent/);
	});
});

describe('explainKernel', () => {
	it('explainShap(mlp) adds up to its log-odds output within the reported tolerance', async () => {
		const mlp = await mlpModel.fit(binary, { ...mlpModel.defaults, hiddenLayers: [8], epochs: 5 }, context());
		const fractions: number[] = [];
		const res = await explainShap(mlp, head(binary.X, 8), { background: binary.X, backgroundSize: 20, seed: 3, progress: (f) => fractions.push(f) });
		expect(res.method).toBe('kernel');
		expect(additivityError(res)).toBeLessThanOrEqual(res.tolerance);
		const p = (await mlpModel.predict(mlp, head(binary.X, 8))).probabilities;
		for (let r = 0; r < 8; r++) expect(res.outputs[r]).toBeCloseTo(Math.log(p[r * 2 + 1] / p[r * 2]), 6);
		expect(fractions.at(-1)).toBe(1);
	});

	it.each([
		['enumerated', 64, 0.01],
		['sampled', 10, 0.05]
	] as const)('explainKernel(logistic, %s coalitions) approximates linear SHAP', async (_, samples, limit) => {
		const { explainKernel } = await import('../../../../models/explain');
		const bg = head(binary.X, 30);
		const linear = await explainShap(logistic, rows, { background: bg });
		const kernel = await explainKernel((X) => logisticModel.predict(logistic, X), linear.features, rows, { classIndex: 1, background: bg, backgroundSize: 30, samples, seed: 1 });
		let worst = 0;
		for (let i = 0; i < linear.values.length; i++) worst = Math.max(worst, Math.abs(linear.values[i] - kernel.values[i]));
		expect(worst).toBeLessThan(limit);
		expect(additivityError(kernel)).toBeLessThanOrEqual(kernel.tolerance);
	});
});

describe('blend and reasons', () => {
	it('explainShap(blend of gbdt, logistic, forest) adds up to the blend log-odds', async () => {
		const blend = makeEnsemble([
			{ kind: 'gbdt', state: gbdt as ModelState },
			{ kind: 'logistic', state: logistic as ModelState },
			{ kind: 'forest', state: forest as ModelState }
		]);
		const some = head(binary.X, 6);
		const res = await explainShap(blend, some, { background: binary.X, backgroundSize: 20 });
		expect(res.method).toBe('blend');
		expect(additivityError(res)).toBeLessThanOrEqual(Math.max(res.tolerance, 1e-9));
		const p = (await predictAny(blend, some)).probabilities;
		for (let r = 0; r < 6; r++) expect(res.outputs[r]).toBeCloseTo(Math.log(p[r * 2 + 1] / p[r * 2]), 4);
	});

	it('topReasons(result, X, 2) picks the largest positive contributions and formatReason reads them', () => {
		const X = { rows: 1, columns: [
			{ name: 'tenure', kind: 'numeric' as const, values: Float64Array.of(2) },
			{ name: 'charges', kind: 'numeric' as const, values: Float64Array.of(NaN) },
			{ name: 'contract', kind: 'categorical' as const, codes: Int32Array.of(0), levels: ['Month-to-month', 'One year'] },
			{ name: 'score', kind: 'numeric' as const, values: Float64Array.of(0.123456) }
		] };
		const res: ShapResult = {
			features: ['tenure', 'charges', 'contract', 'score'], values: Float64Array.of(0.5, -0.3, 0.9, 0.2), base: -1,
			outputs: Float64Array.of(0.3), space: 'log-odds', classIndex: 1, method: 'tree', tolerance: 0, rows: 1
		};
		const [reasons] = topReasons(res, X, 2);
		expect(reasons.map((r) => r.feature)).toEqual(['contract', 'tenure']);
		expect(reasons[0].value).toBe('Month-to-month');
		const view = toProbabilityView(res);
		expect(reasons[0].points).toBeCloseTo(view.values[2] * 100, 12);
		expect(formatReason(reasons[0])).toMatch(/^contract = Month-to-month \(\+\d+ pts\)$/);
		expect(topReasons(res, X, 4)[0].map((r) => r.value)).toEqual(['Month-to-month', '2', '0.123']);
	});
});
