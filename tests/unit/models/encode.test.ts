import { describe, expect, it } from 'vitest';
import type { CategoricalColumn, Features, NumericColumn } from '../../../models/types';
import { encode, fitEncoder } from '../../../models/shared/encode';

const numeric = (name: string, values: number[]): NumericColumn => ({ name, kind: 'numeric', values: Float64Array.from(values) });
const categorical = (name: string, levels: string[], labels: (string | null)[]): CategoricalColumn => ({
	name,
	kind: 'categorical',
	levels,
	codes: Int32Array.from(labels, (l) => (l === null ? -1 : levels.indexOf(l)))
});
const features = (...columns: Features['columns']): Features => ({ rows: columns[0].kind === 'numeric' ? columns[0].values.length : columns[0].codes.length, columns });
const repeat = <T>(value: T, n: number): T[] => Array.from({ length: n }, () => value);

/** Column `name` of an encoded matrix. */
function column(m: ReturnType<typeof encode>, name: string): number[] {
	const j = m.names.indexOf(name);
	expect(j, `column ${name} in ${m.names.join(', ')}`).toBeGreaterThanOrEqual(0);
	return Array.from({ length: m.rows }, (_, r) => m.matrix[r * m.cols + j]);
}

// Plans: 20 basic, 15 pro, 2 legacy (rare), 1 missing.
const PLAN_LABELS = [...repeat('basic', 20), ...repeat('pro', 15), 'legacy', 'legacy', null];
const PLAN_LEVELS = ['basic', 'legacy', 'pro', 'enterprise'];

describe('fitEncoder(X, opts) / encode(state, X)', () => {
	it('fitEncoder(train) groups rare levels into "(other)" and missing into "(missing)"', () => {
		const state = fitEncoder(features(categorical('plan', PLAN_LEVELS, PLAN_LABELS)), { standardize: true });
		expect(state.names).toEqual(['plan=basic', 'plan=pro', 'plan=(other)', 'plan=(missing)']);
		const m = encode(state, features(categorical('plan', PLAN_LEVELS, ['legacy', null, 'pro'])));
		expect(Array.from(m.matrix)).toEqual([0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0]);
	});

	it('fitEncoder(train, {maxLevels: 1}) keeps only the most frequent level', () => {
		const state = fitEncoder(features(categorical('plan', PLAN_LEVELS, PLAN_LABELS)), { standardize: true, maxLevels: 1 });
		expect(state.names).toEqual(['plan=basic', 'plan=(other)', 'plan=(missing)']);
	});

	it('encode(state, test) maps a level seen only in test rows to "(other)"', () => {
		const state = fitEncoder(features(categorical('plan', PLAN_LEVELS, PLAN_LABELS)), { standardize: true });
		// "enterprise" exists in the level list but never occurs in training; "startup" is new to the test table.
		const test = features(categorical('plan', ['startup', 'enterprise', 'basic'], ['startup', 'enterprise', 'basic']));
		const m = encode(state, test);
		expect(column(m, 'plan=(other)')).toEqual([1, 1, 0]);
		expect(column(m, 'plan=basic')).toEqual([0, 0, 1]);
	});

	it('encode(state, test) gives all zeros for an unseen level when training had no "(other)"', () => {
		const state = fitEncoder(features(categorical('contract', ['monthly', 'yearly'], [...repeat('monthly', 10), ...repeat('yearly', 10)])), {
			standardize: true
		});
		expect(state.names).toEqual(['contract=monthly', 'contract=yearly']);
		const m = encode(state, features(categorical('contract', ['two-year', 'yearly'], ['two-year', 'yearly'])));
		expect(Array.from(m.matrix)).toEqual([0, 0, 0, 1]);
	});

	it('fitEncoder(train, {standardize: false}) imputes the training median and adds a missing indicator', () => {
		const state = fitEncoder(features(numeric('tenure', [1, 2, 3, NaN, 100])), { standardize: false });
		expect(state.names).toEqual(['tenure', 'tenure=(missing)']);
		const m = encode(state, features(numeric('tenure', [NaN, 7])));
		expect(column(m, 'tenure')).toEqual([2.5, 7]);
		expect(column(m, 'tenure=(missing)')).toEqual([1, 0]);
	});

	it('fitEncoder(train) adds no indicator when training had no missing values', () => {
		const state = fitEncoder(features(numeric('tenure', [1, 2, 3])), { standardize: false });
		expect(state.names).toEqual(['tenure']);
		expect(Array.from(encode(state, features(numeric('tenure', [NaN]))).matrix)).toEqual([2]);
	});

	it('encode(fitEncoder(train, {standardize: true}), train) has mean 0 and std 1 on numeric columns', () => {
		const charges = Array.from({ length: 200 }, (_, i) => 20 + ((i * 37) % 97) + (i % 5 === 0 ? NaN : 0));
		const train = features(numeric('monthly_charges', charges), numeric('tenure', Array.from({ length: 200 }, (_, i) => i % 72)));
		const m = encode(fitEncoder(train, { standardize: true }), train);
		for (const name of ['monthly_charges', 'tenure']) {
			const v = column(m, name);
			const mean = v.reduce((a, b) => a + b, 0) / v.length;
			const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
			expect(mean).toBeCloseTo(0, 5);
			expect(std).toBeCloseTo(1, 5);
		}
		// Indicator columns stay 0/1.
		expect(new Set(column(m, 'monthly_charges=(missing)'))).toEqual(new Set([0, 1]));
	});

	it('encode(state, X) records the source column of every encoded column', () => {
		const train = features(numeric('tenure', [...repeat(5, 36), NaN, 1]), categorical('plan', PLAN_LEVELS, PLAN_LABELS));
		const m = encode(fitEncoder(train, { standardize: true }), train);
		expect(m.names).toEqual(['tenure', 'tenure=(missing)', 'plan=basic', 'plan=pro', 'plan=(other)', 'plan=(missing)']);
		expect(m.source).toEqual([0, 0, 1, 1, 1, 1]);
		expect(m.cols).toBe(6);
		expect(m.matrix).toHaveLength(38 * 6);
	});

	it('encode(state, X) finds columns by name and rejects a missing or retyped column', () => {
		const train = features(numeric('tenure', [1, 2, 3]), numeric('age', [30, 40, 50]));
		const state = fitEncoder(train, { standardize: false });
		const swapped = features(numeric('age', [60]), numeric('tenure', [9]));
		expect(Array.from(encode(state, swapped).matrix)).toEqual([9, 60]);
		expect(() => encode(state, features(numeric('tenure', [1])))).toThrow('missing column "age"');
		expect(() => encode(state, features(numeric('tenure', [1]), categorical('age', ['old'], ['old'])))).toThrow('invalid features');
	});

	it('fitEncoder(X) is deterministic and its state survives JSON', () => {
		const train = features(numeric('tenure', [1, NaN, 3]), categorical('plan', PLAN_LEVELS, PLAN_LABELS.slice(0, 3)));
		const a = fitEncoder(train, { standardize: true, minLevelCount: 1 });
		expect(fitEncoder(train, { standardize: true, minLevelCount: 1 })).toEqual(a);
		expect(JSON.parse(JSON.stringify(a))).toEqual(a);
	});
});
