import { describe, expect, it } from 'vitest';
import { findHeaderRow } from '$workers/data/readers/header-row';
import type { ImportedValue } from '$workers/data/readers/imported-table';

const _ = null;
const data = (n: number): ImportedValue[][] => Array.from({ length: n }, (_, i) => [i + 1, `client ${i}`, 12.5 * i, i % 2 === 0, 'Paris']);

describe('findHeaderRow', () => {
	it.each<[string, ImportedValue[][], number]>([
		['a header on the first row', [['id', 'name', 'amount', 'active', 'city'], ...data(3)], 0],
		['a title and a blank row above the header', [['Customer export — March 2026'], [], ['id', 'name', 'amount', 'active', 'city'], ...data(3)], 2],
		['lines of "label: value" above the header', [['Exported by', 'Jean'], ['Date', new Date(Date.UTC(2026, 2, 1))], ['id', 'name', 'amount', 'active', 'city'], ...data(3)], 2],
		['blank rows before the header', [[], [_, _], ['id', 'name', 'amount', 'active', 'city'], ...data(2)], 2],
		['a header with one unnamed column', [['Report'], ['id', 'name', _, 'active', 'city'], ...data(2)], 1],
		['a header with nothing under it', [['Report'], ['id', 'name', 'amount', 'active', 'city']], 1],
		['no row that looks like a header: the first non-empty row', [[], ...data(4)], 1],
		['a single column: its first row', [['email'], ['a@example.com'], ['b@example.com']], 0],
		['an empty sheet', [[], [_, _]], -1]
	])('%s', (_, rows, expected) => {
		expect(findHeaderRow(rows)).toBe(expected);
	});
});
