/** Wide, capitalised and long tables of the same customers give the same ownership matrix. */
import { describe, expect, it } from 'vitest';
import { isOwnedValue, matrixFromLong, matrixFromWide, prepareRecommendData } from '../../../../models/recommend';
import type { RawColumn } from '../../../../models/shared';
import { capitalisedExport, rawFromCsv, readWaChurn, SERVICES } from './fixture';

describe('isOwnedValue(value)', () => {
	it.each([
		['Yes', true], ['DSL', true], ['Fiber optic', true], [1, true], ['2', true], ['true', true],
		['No', false], [' no ', false], ['No phone service', false], ['NO INTERNET SERVICE', false], ['0', false], [0, false],
		['false', false], ['', false], [null, false], [NaN, false], ['non', false], ['aucun', false]
	] as const)('isOwnedValue(%j) is %s', (value, owned) => {
		expect(isOwnedValue(value)).toBe(owned);
	});
});

describe('the ownership matrix', () => {
	const wa = readWaChurn();
	const wide = matrixFromWide(rawFromCsv(wa.header, wa.body), SERVICES, null);
	const cap = capitalisedExport();
	const capitalised = matrixFromWide(rawFromCsv(cap.header, cap.body), cap.services, 'CustomerID');

	it('wa_churn and its capitalised export (Yes/No, an id column) give the same matrix', () => {
		expect(wide.owned.length).toBe(7043 * 9);
		expect(capitalised.owned).toEqual(wide.owned);
		expect(capitalised.users[0]).toBe('1000-C0');
		expect(wide.users[0]).toBe('1');
	});

	it('internet_service DSL / Fiber optic is owned, No is not', () => {
		const col = wa.header.indexOf('internet_service');
		wa.body.slice(0, 50).forEach((row, r) => expect(wide.owned[r * 9 + 2]).toBe(row[col] === 'No' ? 0 : 1));
	});

	it('a long table (one row per customer and owned item, in any order) gives it too', () => {
		const users: (string | null)[] = [];
		const items: (string | null)[] = [];
		const quantity: number[] = [];
		// Items first-seen in catalogue order: a first row per item for customer 1, quantity 0 where not owned.
		SERVICES.forEach((s, j) => {
			users.push('1');
			items.push(s);
			quantity.push(wide.owned[j]);
		});
		for (let u = 1; u < 7043; u++) for (let j = 8; j >= 0; j--) if (wide.owned[u * 9 + j]) {
			users.push(String(u + 1));
			items.push(SERVICES[j]);
			quantity.push(1);
		}
		const raw: RawColumn[] = [
			{ name: 'customer', type: 'text', values: users },
			{ name: 'service', type: 'text', values: items },
			{ name: 'qty', type: 'numeric', values: Float64Array.from(quantity) }
		];
		const long = matrixFromLong(raw, 'customer', 'service', 'qty');
		expect(long.items).toEqual(SERVICES);
		const known = long.users.length;
		// Customers owning nothing do not appear in a long table.
		const wideKnown = wide.users.filter((_, u) => u === 0 || wide.owned.subarray(u * 9, u * 9 + 9).some((v) => v)).length;
		expect(known).toBe(wideKnown);
		long.users.forEach((id, r) => expect(Array.from(long.owned.subarray(r * 9, r * 9 + 9))).toEqual(Array.from(wide.owned.subarray((Number(id) - 1) * 9, Number(id) * 9))));
	});

	it('prepareRecommendData keeps the profile columns, without the items and the id', () => {
		const data = prepareRecommendData(rawFromCsv(cap.header, cap.body), { layout: 'wide', items: cap.services, userColumn: 'CustomerID', itemColumn: null, quantityColumn: null });
		const names = data.profile!.columns.map((c) => c.name);
		expect(names).toContain('Tenure');
		expect(names).not.toContain('CustomerID');
		expect(names.some((n) => cap.services.includes(n))).toBe(false);
	});

	it('refuses one item, a missing column and a long table without its columns', () => {
		const raw = rawFromCsv(wa.header, wa.body);
		expect(() => matrixFromWide(raw, ['phone_service'], null)).toThrow(/two item columns/);
		expect(() => matrixFromWide(raw, ['phone_service', 'nope'], null)).toThrow(/no column named "nope"/);
		expect(() => matrixFromLong(raw, null, 'contract', null)).toThrow(/customer id/);
	});
});
