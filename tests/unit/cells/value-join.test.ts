/**
 * Customer value beside a customer table (`<customers>_with_value`) and the dashboard's
 * revenue at risk in CLV: the view's SQL on DuckDB, and the value column the dashboard picks.
 */
import { describe, expect, it } from 'vitest';
import { load, newEngine } from '../workers/data/engine-fixture';
import { JOINED_COLUMNS, joinSql, joinedName } from '$lib/cells/value/join';
import { guessValueColumn } from '$lib/cells/dashboard/columns';

describe('joinSql(customers, columns, id, valueTable, valueId)', () => {
	it('keeps every customer row, adds the value of the same id (text or number), NULL without purchases, and gives way on a name clash', async () => {
		const { engine } = await newEngine();
		await load(engine, 'customers.csv', 'code client,plan,clv\n7,gold,old\n8,silver,old\n9,gold,old\n', 'customers');
		await load(engine, 'value.csv', 'client,frequency,p_alive,expected_purchases,expected_spend,clv\n007,1,0.5,1.5,20,30\n8,0,1,0.2,15,3\n', 'tx_value');
		await engine.runSql(joinSql('customers', ['code client', 'plan', 'clv'], 'code client', 'tx_value', 'client'), joinedName('customers'));
		const { columns, rows } = await engine.queryRows('SELECT * FROM customers_with_value ORDER BY "code client"', 10);
		expect(columns).toEqual(['code client', 'plan', ...JOINED_COLUMNS]);
		// "007" read as text in one file and 7 as a number in the other do not match as text: only 8 does.
		expect(rows.map((r) => [r[0], r[5]])).toEqual([
			[7, null],
			[8, 3],
			[9, null]
		]);
	});
});

describe('guessValueColumn(columns)', () => {
	it('prefers a lifetime value column (revenue at risk in CLV) over a monthly charge', () => {
		const column = (name: string) => ({ name, type: 'DOUBLE' });
		expect(guessValueColumn([column('monthly_charges'), column('clv')])).toBe('clv');
		expect(guessValueColumn([column('monthly_charges'), column('p_alive')])).toBe('monthly_charges');
	});
});
