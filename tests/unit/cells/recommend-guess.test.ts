import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { guessItemColumns, guessLayout, guessLongColumns, itemLabel, type ColumnSample } from '$lib/cells/recommend/guess';
import { guessIdColumn } from '$lib/cells/customer-id';

const TELCO_SERVICES = ['phone_service', 'multiple_lines', 'internet_service', 'online_security', 'online_backup', 'device_protection', 'tech_support', 'streaming_tv', 'streaming_movies'];

/** Columns of a CSV as the cell samples them (at most five values, most frequent first). */
async function samples(csv: string, rename: (name: string) => string = (n) => n, recode: (v: string) => string = (v) => v): Promise<ColumnSample[]> {
	const [header, ...rows] = csv.trimEnd().split('\n');
	const names = header.split(',').map((h) => h.replaceAll('"', ''));
	const cells = rows.map((r) => r.split(',').map((c) => c.replaceAll('"', '')));
	return names.map((name, j) => {
		const counts = new Map<string, number>();
		for (const row of cells) counts.set(recode(row[j]), (counts.get(recode(row[j])) ?? 0) + 1);
		const values = [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
		const numeric = values.every((v) => v !== '' && Number.isFinite(Number(v)));
		return { name: rename(name), type: numeric ? 'BIGINT' : 'VARCHAR', values: values.slice(0, 5), more: values.length > 5 };
	});
}

const sample = (name: string, values: string[], type = 'VARCHAR'): ColumnSample => ({ name, type, values, more: false });

describe('recommendation cell guesses', () => {
	it('guessItemColumns(telco demo) finds the nine services, not the customer traits, billing or churn', async () => {
		const columns = await samples(await readFile('datasets/wa_churn.csv', 'utf8'));
		expect(guessItemColumns(columns)).toEqual(TELCO_SERVICES);
		expect(guessLayout(columns)).toBe('wide');
	});

	it('guessItemColumns(another export: capitalised names, Yes/No flags) finds the same services', async () => {
		const camel = (n: string) => n.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());
		const columns = await samples(await readFile('datasets/wa_churn.csv', 'utf8'), camel, (v) => (v === '1' ? 'Yes' : v === '0' ? 'No' : v));
		expect(guessItemColumns(columns)).toEqual(TELCO_SERVICES.map(camel));
	});

	it.each([
		['Yes/No service flag', sample('tech_support', ['No', 'Yes', 'No internet service']), true],
		['0/1 named like a service', sample('phone_service', ['1', '0'], 'BIGINT'), true],
		['unnamed but "No … service"', sample('extra', ['No', 'Yes', 'No phone service']), true],
		['a customer trait', sample('Partner', ['Yes', 'No']), false],
		['the target', sample('Churn', ['No', 'Yes']), false],
		['a flag with no service name', sample('flag', ['Yes', 'No']), false],
		['many values', { ...sample('product_plan', ['a', 'b', 'c', 'd', 'e']), more: true }, false],
		['only "not owned"', sample('streaming_tv', ['No']), false]
	])('guessItemColumns: %s', (_name, column, isItem) => {
		expect(guessItemColumns([column])).toEqual(isItem ? [column.name] : []);
	});

	it('guessLongColumns(long table) finds the item and quantity columns beside the customer id', () => {
		const columns = [sample('customer_id', ['c1', 'c2']), sample('bought_on', ['2024-01-02']), sample('product', ['tv', 'phone']), sample('quantity', ['1', '2'], 'INTEGER')];
		expect(guessLongColumns(columns, 'customer_id')).toEqual({ itemColumn: 'product', quantityColumn: 'quantity' });
		expect(guessLayout(columns)).toBe('long');
		expect(guessLongColumns([sample('client', ['a']), sample('sku', ['x'])], 'client')).toEqual({ itemColumn: 'sku', quantityColumn: '' });
	});

	it('guessIdColumn(customer table) is the shared id guess the churn cell uses', async () => {
		const columns = [{ name: 'customerID', type: 'VARCHAR' }, { name: 'tech_support', type: 'VARCHAR' }];
		expect(await guessIdColumn(columns, async (c) => c === 'customerID')).toBe('customerID');
	});

	it.each([
		['tech_support', 'Tech support'],
		['TechSupport', 'Tech support'],
		['streaming-movies', 'Streaming movies'],
		['Premium plan', 'Premium plan']
	])('itemLabel(%s) is %s', (name, label) => {
		expect(itemLabel(name)).toBe(label);
	});
});
