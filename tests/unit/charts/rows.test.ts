import { expect, test } from 'vitest';
import { DateDay, Decimal, makeVector, Table, TimestampMicrosecond, tableFromArrays, Utf8, vectorFromArray } from 'apache-arrow';
import { toChartRows } from '$lib/charts';

test('toChartRows(arrowTable) turns BIGINT, DECIMAL and dates into numbers and Dates', () => {
	const table = new Table({
		tenure: makeVector(BigInt64Array.from([3n, 14n])),
		revenue: makeVector({ type: new Decimal(2, 18, 128), data: Uint32Array.from([2050, 0, 0, 0, 7525, 0, 0, 0]) }),
		signup: makeVector({ type: new DateDay(), data: Int32Array.from([19723, 19754]) }),
		lastSeen: makeVector({ type: new TimestampMicrosecond(), data: BigInt64Array.from([1_704_067_200_000_000n, 0n]) }),
		plan: vectorFromArray(['basic', null], new Utf8())
	});
	const { rows, columns } = toChartRows(table);
	expect(rows[0]).toEqual({
		tenure: 3,
		revenue: 20.5,
		signup: new Date('2024-01-01T00:00:00Z'),
		lastSeen: new Date('2024-01-01T00:00:00Z'),
		plan: 'basic'
	});
	expect(rows[1].plan).toBeNull();
	expect(columns.map((c) => c.name)).toEqual(['tenure', 'revenue', 'signup', 'lastSeen', 'plan']);
});

test('toChartRows(rows) infers column types from the first values', () => {
	const { columns } = toChartRows([{ plan: null, tenure: 3, churn: true, signup: new Date(0) }, { plan: 'pro' }]);
	expect(columns).toEqual([
		{ name: 'plan', type: 'VARCHAR' },
		{ name: 'tenure', type: 'DOUBLE' },
		{ name: 'churn', type: 'BOOLEAN' },
		{ name: 'signup', type: 'TIMESTAMP' }
	]);
});

test('toChartRows(sameTable) twice reads the table once', () => {
	const table = tableFromArrays({ tenure: Float64Array.from([1, 2]) });
	expect(toChartRows(table)).toBe(toChartRows(table));
});
