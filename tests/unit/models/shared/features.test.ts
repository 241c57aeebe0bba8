import { describe, expect, it } from 'vitest';
import type { RawColumn } from '$models/shared/columns';
import { buildFeatures, planFeatures, targetClasses } from '$models/shared/features';
import { stratifiedFolds, stratifiedSplit } from '$models/shared/splits';

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

function table(n = 100): RawColumn[] {
	const churn = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 'Yes' : 'No'));
	return [
		{ name: 'customer_id', type: 'text', values: Array.from({ length: n }, (_, i) => `C${i}`) },
		{ name: 'tenure', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => (i * 7) % 50) },
		{ name: 'contract', type: 'text', values: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'Monthly' : i % 3 === 1 ? 'Yearly' : null)) },
		{ name: 'country', type: 'text', values: Array.from({ length: n }, () => 'FR') },
		{ name: 'empty', type: 'numeric', values: new Float64Array(n).fill(NaN) },
		{ name: 'churn_date', type: 'numeric', values: Float64Array.from(churn, (c, i) => (c === 'Yes' ? 1000 + i : NaN)) },
		{ name: 'churned_flag', type: 'numeric', values: Float64Array.from(churn, (c) => (c === 'Yes' ? 1 : 0)) },
		{ name: 'churn', type: 'text', values: churn }
	];
}

describe('planFeatures', () => {
	it('planFeatures(table) leaves out IDs, constants, empty columns and target leaks, with reasons', () => {
		const plan = planFeatures(table(), { target: 'churn', positive: null, trainRows: all(100) });
		expect(plan.classes).toEqual(['No', 'Yes']);
		expect(plan.features.map((f) => f.name)).toEqual(['tenure', 'contract']);
		const reasons = Object.fromEntries(plan.excluded.map((e) => [e.column, e.reason]));
		expect(reasons.customer_id).toContain('identifier');
		expect(reasons.country).toContain('same value');
		expect(reasons.empty).toContain('missing');
		expect(reasons.churned_flag).toContain('leaks the target');
		expect(reasons.churn_date).toContain('leaks the target');
	});

	it('planFeatures(table, {keep}) keeps a column the user overrides', () => {
		const plan = planFeatures(table(), { target: 'churn', positive: null, trainRows: all(100), keep: ['churned_flag'] });
		expect(plan.features.map((f) => f.name)).toContain('churned_flag');
	});

	it('targetClasses(one class) says a model needs two classes', () => {
		const target: RawColumn = { name: 'churn', type: 'text', values: ['No', 'No', null] };
		expect(() => targetClasses(target, all(3), null)).toThrow('only one value ("No")');
	});

	it('targetClasses(binary) puts the chosen or minority class last', () => {
		const target: RawColumn = { name: 'churn', type: 'text', values: ['No', 'Yes', 'No'] };
		expect(targetClasses(target, all(3), null)).toEqual(['No', 'Yes']);
		expect(targetClasses(target, all(3), 'No')).toEqual(['Yes', 'No']);
	});

	it('buildFeatures(new rows) maps unseen categories to missing and checks kinds', () => {
		const plan = planFeatures(table(), { target: 'churn', positive: null, trainRows: all(100) });
		const fresh: RawColumn[] = [
			{ name: 'tenure', type: 'numeric', values: Float64Array.from([3]) },
			{ name: 'contract', type: 'text', values: ['Weekly'] }
		];
		const X = buildFeatures(fresh, plan.features);
		expect(X.columns[1]).toMatchObject({ kind: 'categorical', codes: Int32Array.from([-1]) });
		expect(() => buildFeatures([{ name: 'tenure', type: 'text', values: ['x'] }, fresh[1]], plan.features)).toThrow('holds text');
		expect(() => buildFeatures(fresh.slice(1), plan.features)).toThrow('"tenure" is missing');
	});
});

describe('splits', () => {
	const y = Int32Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? 1 : 0));

	it('stratifiedSplit(y, 0.2, seed) keeps the class balance and is reproducible', () => {
		const a = stratifiedSplit(y, 0.2, 42);
		expect(a.test.length).toBe(200);
		expect(Array.from(a.test).filter((r) => y[r] === 1).length).toBe(50);
		expect(stratifiedSplit(y, 0.2, 42)).toEqual(a);
		expect(new Set([...a.train, ...a.test]).size).toBe(1000);
	});

	it('stratifiedSplit on a million customers of one class (no argument list a browser worker could not hold)', () => {
		const split = stratifiedSplit(new Int32Array(1_000_000), 0.2, 1);
		expect([split.train.length, split.test.length]).toEqual([800_000, 200_000]);
	});

	it('stratifiedFolds(y, rows, 5) partitions the rows into balanced folds', () => {
		const folds = stratifiedFolds(y, all(1000), 5, 1);
		expect(folds.map((f) => f.test.length)).toEqual([200, 200, 200, 200, 200]);
		expect(new Set(folds.flatMap((f) => Array.from(f.test))).size).toBe(1000);
		for (const f of folds) expect(Array.from(f.test).filter((r) => y[r] === 1).length).toBe(50);
	});
});
