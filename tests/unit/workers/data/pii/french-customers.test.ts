import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '$workers/data/pii';
import { FRENCH_CUSTOMER_KINDS, FRENCH_CUSTOMER_TYPES, frenchCustomers, toCsv } from '../../../../shared/french-customers';
import { load, newEngine } from '../engine-fixture';

const TODAY = new Date(Date.UTC(2026, 5, 1));
const file = frenchCustomers(500, 16);

/** Each column as the profile samples it: distinct non-missing values (up to 500) and their ratio. */
function sampled(name: string, typed: boolean) {
	const at = file.columns.indexOf(name);
	const all = file.rows.map((r) => r[at]).filter((v) => v !== '');
	const distinct = [...new Set(all)];
	return { name, type: typed ? (FRENCH_CUSTOMER_TYPES[name] ?? 'VARCHAR') : 'VARCHAR', values: distinct.slice(0, 500), distinctRatio: distinct.length / all.length };
}

describe('detectPersonalData on a generated French customer file (500 rows, FR/DZ/MA/TN)', () => {
	it('frenchCustomers(500, 16) is the same file on every call', () => {
		expect(frenchCustomers(500, 16)).toEqual(file);
		expect(file.rows).toHaveLength(500);
	});

	describe.each([
		['typed as DuckDB reads it', true],
		['every column as text', false]
	])('%s', (_, typed) => {
		it.each(file.columns.filter((c) => c in FRENCH_CUSTOMER_KINDS))('personal column %s is found with its kind', (name) => {
			const flag = detectPersonalData(sampled(name, typed), { today: TODAY });
			expect(flag?.kind).toBe(FRENCH_CUSTOMER_KINDS[name]);
			expect(flag!.confidence).toBeGreaterThanOrEqual(0.6);
		});

		it.each(file.columns.filter((c) => !(c in FRENCH_CUSTOMER_KINDS)))('decoy column %s is not flagged', (name) => {
			expect(detectPersonalData(sampled(name, typed), { today: TODAY })).toBeNull();
		});
	});

	it('no masked example gives back a value of the file', () => {
		for (const name of Object.keys(FRENCH_CUSTOMER_KINDS)) {
			const column = sampled(name, true);
			const flag = detectPersonalData(column, { today: TODAY })!;
			for (const example of flag.examples) expect(column.values).not.toContain(example);
		}
	});

	it('profiled through DuckDB as the workbench does, every personal column is found and no decoy', async () => {
		const { engine } = await newEngine();
		await load(engine, 'clients.csv', toCsv(file), 'clients');
		const found: Record<string, string | null> = {};
		for (const column of (await engine.profile('clients')).columns) found[column.name] = column.personal?.kind ?? null;
		expect(found).toEqual(Object.fromEntries(file.columns.map((c) => [c, FRENCH_CUSTOMER_KINDS[c] ?? null])));
	});

	it('personalData(table) finds the same columns as the profile, without the rest of a profile', async () => {
		const { engine } = await newEngine();
		await load(engine, 'clients.csv', toCsv(file), 'clients');
		const found = Object.fromEntries((await engine.personalData('clients')).map((p) => [p.column, p.kind]));
		expect(found).toEqual(Object.fromEntries(file.columns.filter((c) => c in FRENCH_CUSTOMER_KINDS).map((c) => [c, FRENCH_CUSTOMER_KINDS[c]])));
	});
});
