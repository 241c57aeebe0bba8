import { describe, expect, it } from 'vitest';
import { gbdtModel } from '../../../../models/gbdt';
import { forestModel } from '../../../../models/forest';
import type { Dataset, Features } from '../../../../models/types';
import { context } from './helpers';

/** Missing monthly charges mark churners; known values split at 50. */
function missingData(): Dataset {
	const values: number[] = [];
	const y: number[] = [];
	for (let i = 0; i < 60; i++) {
		values.push(i % 3 === 0 ? NaN : i);
		y.push(i % 3 === 0 ? 1 : 0);
	}
	return { X: { rows: 60, columns: [{ name: 'charges', kind: 'numeric', values: Float64Array.from(values) }] }, y: Int32Array.from(y), classes: ['stays', 'churns'] };
}

/** Plan codes: "basic" and "legacy" churn, "pro" and "team" stay. */
function planData(): Dataset {
	const levels = ['basic', 'pro', 'legacy', 'team'];
	const codes = Int32Array.from({ length: 80 }, (_, i) => i % 4);
	const y = Int32Array.from(codes, (c) => (c === 0 || c === 2 ? 1 : 0));
	return { X: { rows: 80, columns: [{ name: 'plan', kind: 'categorical', codes, levels }] }, y, classes: ['stays', 'churns'] };
}

const plans = (levels: string[], codes: number[]): Features => ({ rows: codes.length, columns: [{ name: 'plan', kind: 'categorical', levels, codes: Int32Array.from(codes) }] });

describe.each([
	['gbdt', gbdtModel, { ...gbdtModel.defaults, nEstimators: 20, minChildWeight: 0 }],
	['forest', forestModel, { ...forestModel.defaults, nEstimators: 20 }]
] as const)('%s missing and categorical values', (_, model, params) => {
	it('fit(rows where missing = churn) learns the default direction to the churn side', async () => {
		const state = await model.fit(missingData(), params as never, context());
		const X: Features = { rows: 2, columns: [{ name: 'charges', kind: 'numeric', values: Float64Array.from([NaN, 10]) }] };
		const p = (await model.predict(state as never, X)).probabilities;
		expect(p[1]).toBeGreaterThan(0.8);
		expect(p[3]).toBeLessThan(0.2);
	});

	it('fit(plan codes) separates the churning codes; unseen and missing plans go the default way', async () => {
		const state = await model.fit(planData(), params as never, context());
		// Different code order at scoring time: matched by level name.
		const levels = ['team', 'legacy', 'pro', 'basic', 'enterprise'];
		const p = (await model.predict(state as never, plans(levels, [3, 1, 2, 0, 4, -1]))).probabilities;
		expect(p[1]).toBeGreaterThan(0.8); // basic
		expect(p[3]).toBeGreaterThan(0.8); // legacy
		expect(p[5]).toBeLessThan(0.2); // pro
		expect(p[7]).toBeLessThan(0.2); // team
		// Unseen "enterprise" and a missing plan are routed identically (the default direction).
		expect(p[9]).toBeCloseTo(p[11], 12);
	});
});

describe('gbdt categorical state', () => {
	it('fit(plan codes) stores the left set as codes', async () => {
		const state = await gbdtModel.fit(planData(), { ...gbdtModel.defaults, nEstimators: 1, maxDepth: 1, minChildWeight: 0 }, context());
		const t = state.trees;
		const left = Array.from(t.catCodes.subarray(t.catStart[0], t.catStart[0] + t.catCount[0])).sort();
		const right = [0, 1, 2, 3].filter((c) => !left.includes(c));
		expect([left, right].map((s) => s.join())).toContain('0,2');
	});
});
