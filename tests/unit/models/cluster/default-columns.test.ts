import { describe, expect, it } from 'vitest';
import { defaultClusterColumns, ID_NAME_REASON, planClusterFeatures } from '../../../../models/cluster';
import type { RawColumn } from '../../../../models/shared/columns';

// 6 customers; "Code client" repeats (a customer with two contracts), so only its name says "identifier".
const raw: RawColumn[] = [
	{ name: 'customerID', type: 'text', values: ['7590-VHVEG', '5575-GNVDE', '3668-QPYBK', '7795-CFOCW', '9237-HQITU', '9305-CDSKC'] },
	{ name: 'Code client', type: 'numeric', values: Float64Array.from([101, 102, 102, 104, 105, 106]) },
	{ name: 'tenure', type: 'numeric', values: Float64Array.from([1, 34, 2, 45, 2, 8]) },
	{ name: 'contract', type: 'text', values: ['Month-to-month', 'One year', 'Month-to-month', 'One year', 'Month-to-month', 'Month-to-month'] }
];

describe('default clustering columns', () => {
	it('defaultClusterColumns(names) leaves ID-named columns out, with the reason', () => {
		expect(defaultClusterColumns(raw.map((c) => c.name))).toEqual({
			columns: ['tenure', 'contract'],
			excluded: [
				{ column: 'customerID', reason: ID_NAME_REASON },
				{ column: 'Code client', reason: ID_NAME_REASON }
			]
		});
	});

	it('defaultClusterColumns(wa_churn columns) keeps every telco column', () => {
		const names = ['churn', 'female', 'senior_citizen', 'partner', 'dependents', 'tenure', 'contract', 'payment_method', 'monthly_charges', 'total_charges'];
		expect(defaultClusterColumns(names)).toEqual({ columns: names, excluded: [] });
	});

	it('planClusterFeatures(raw) by default clusters on neither customerID nor Code client and says why', () => {
		const plan = planClusterFeatures(raw);
		expect(plan.features.map((f) => f.name)).toEqual(['tenure', 'contract']);
		expect(plan.excluded.map((e) => e.column)).toEqual(['customerID', 'Code client']);
		expect(plan.excluded[0].reason).toMatch(/identifier/);
	});

	it('planClusterFeatures(raw, {columns}) keeps an ID-named column the user ticked unless it is unique per row', () => {
		const plan = planClusterFeatures(raw, { columns: ['customerID', 'Code client', 'tenure'] });
		expect(plan.features.map((f) => f.name)).toEqual(['Code client', 'tenure']);
		expect(plan.excluded).toEqual([{ column: 'customerID', reason: 'looks like an identifier (a different value on every row)' }]);
	});
});
