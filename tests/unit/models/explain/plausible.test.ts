import { describe, expect, it } from 'vitest';
import { searchCounterfactuals, type Predictor } from '../../../../models/explain';
import type { Features } from '../../../../models/types';

const INTERNET = ['DSL', 'Fiber optic', 'No'];
const SECURITY = ['No', 'Yes', 'No internet service'];
const CONTRACT = ['Month-to-month', 'One year'];

/** Customers as the telco data has them: "No internet service" exactly when internet is "No". */
function customers(rows: [string, string, string][]): Features {
	const col = (name: string, levels: string[], at: number) => ({
		name,
		kind: 'categorical' as const,
		levels,
		codes: Int32Array.from(rows, (r) => levels.indexOf(r[at]))
	});
	return { rows: rows.length, columns: [col('internet_service', INTERNET, 0), col('online_security', SECURITY, 1), col('contract', CONTRACT, 2)] };
}

const seen = customers([
	['DSL', 'No', 'Month-to-month'],
	['DSL', 'Yes', 'One year'],
	['Fiber optic', 'No', 'Month-to-month'],
	['Fiber optic', 'Yes', 'One year'],
	['No', 'No internet service', 'Month-to-month'],
	['No', 'No internet service', 'One year']
]);

/** Risk falls most when the customer has no internet at all, a little with a longer contract. */
const predict: Predictor = async (X) => {
	const internet = X.columns[0] as { codes: Int32Array };
	const contract = X.columns[2] as { codes: Int32Array };
	return Float64Array.from({ length: X.rows }, (_, r) => 0.9 - (internet.codes[r] === 2 ? 0.6 : 0) - (contract.codes[r] === 1 ? 0.1 : 0));
};

describe('searchCounterfactuals with seen customers', () => {
	const customer = customers([['Fiber optic', 'No', 'Month-to-month']]);
	const options = {
		actionable: ['internet_service', 'online_security', 'contract'],
		target: 0.5,
		candidates: { internet_service: INTERNET, online_security: SECURITY, contract: CONTRACT }
	};

	it('searchCounterfactuals(without seen) proposes a change no customer could have', async () => {
		const result = await searchCounterfactuals(predict, customer, options);
		expect(result.found[0].changes).toEqual([{ feature: 'internet_service', from: 'Fiber optic', to: 'No' }]);
	});

	it('searchCounterfactuals(seen) changes dependent columns together or not at all', async () => {
		const result = await searchCounterfactuals(predict, customer, { ...options, seen });
		expect(result.found.length).toBeGreaterThan(0);
		for (const cf of result.found) {
			const after = { internet_service: 'Fiber optic', online_security: 'No', ...Object.fromEntries(cf.changes.map((c) => [c.feature, c.to])) };
			expect(after.internet_service === 'No').toBe(after.online_security === 'No internet service');
		}
		expect(result.found[0].changes).toEqual([
			{ feature: 'internet_service', from: 'Fiber optic', to: 'No' },
			{ feature: 'online_security', from: 'No', to: 'No internet service' }
		]);
	});
});
