import { describe, expect, it } from 'vitest';
import { load, newEngine } from './engine-fixture';

describe('writeScored', () => {
	it('writeScored(source, out, predictions) lines predictions up with the source rows', async () => {
		const { engine } = await newEngine();
		await load(engine, 'new.csv', 'customer,tenure\nA,1\nB,30\nC,5\n', 'new_customers');
		const info = await engine.writeScored('new_customers', 'new_customers_scored', {
			churn_probability: Float64Array.from([0.9, 0.1, 0.5]),
			risk_level: ['High', 'Low', 'Medium']
		});
		expect(info.columns.map((c) => c.name)).toEqual(['customer', 'tenure', 'churn_probability', 'risk_level']);
		const page = await engine.page('new_customers_scored', 0, 10);
		expect(page.rows).toEqual([
			['A', 1, 0.9, 'High'],
			['B', 30, 0.1, 'Low'],
			['C', 5, 0.5, 'Medium']
		]);
		expect(await engine.listRelations()).not.toContain('__scores');
	});

	it('writeScored(source, out, {median: [NaN, …]}) writes NULL for a row without a prediction (a customer left out)', async () => {
		const { engine } = await newEngine();
		await load(engine, 'c.csv', 'customer,tenure\nA,1\nB,\n', 'c');
		await engine.writeScored('c', 'c_survival', { predicted_median: Float64Array.from([12, NaN]) });
		const { rows } = await engine.queryRows('SELECT customer, predicted_median, predicted_median IS NULL FROM c_survival', 10);
		expect(rows).toEqual([
			['A', 12, false],
			['B', null, true]
		]);
	});
});

describe('distinctValues', () => {
	it('distinctValues(table, column) lists values by frequency', async () => {
		const { engine } = await newEngine();
		await load(engine, 'c.csv', 'churn\nNo\nYes\nNo\n\nNo\n', 'c');
		expect(await engine.distinctValues('c', 'churn', 10)).toEqual([
			{ value: 'No', count: 3 },
			{ value: 'Yes', count: 1 }
		]);
	});
});

describe('scoresToIpc', () => {
	it('scoresToIpc(columns) generates no code: workers run under a policy without unsafe-eval', async () => {
		const { scoresToIpc } = await import('../../../../workers/data/scores');
		const { tableFromIPC } = await import('apache-arrow');
		const NativeFunction = globalThis.Function;
		globalThis.Function = function refused() {
			throw new EvalError('code generation refused');
		} as unknown as FunctionConstructor;
		let bytes: Uint8Array;
		try {
			bytes = scoresToIpc({ churn_probability: Float64Array.from([0.25, 0.75]), risk_level: ['Low', 'Élevé'] });
		} finally {
			globalThis.Function = NativeFunction;
		}
		const table = tableFromIPC(bytes);
		expect(table.toArray().map((r) => r.toJSON())).toEqual([
			{ __row: 0, churn_probability: 0.25, risk_level: 'Low' },
			{ __row: 1, churn_probability: 0.75, risk_level: 'Élevé' }
		]);
	});
});
