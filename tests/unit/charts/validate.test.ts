import { describe, expect, test } from 'vitest';
import { columnKind, requiredColumns, validateChartSpec } from '$lib/charts';
import { COLUMNS, spec } from './fixtures';

describe('validateChartSpec', () => {
	test.each([
		['no relation', { relation: '' }, 'Choose a table or view to chart.'],
		['bar without x', { mark: 'bar' }, 'Choose a column for x.'],
		['unknown column', { mark: 'bar', x: 'arr' }, 'Column arr is not in customers.'],
		['histogram of text', { mark: 'histogram', x: 'plan' }, 'A histogram needs a numeric x column; plan is text.'],
		['sum of text', { mark: 'bar', x: 'plan', y: 'churn', aggregate: 'sum' }, 'Sum needs a numeric y column; churn is text.'],
		['mean without y', { mark: 'bar', x: 'plan', aggregate: 'mean' }, 'Choose a numeric column for y to take its mean.'],
		['dot without y', { mark: 'dot', x: 'tenure' }, 'Choose a column for y.'],
		['line of text y', { mark: 'line', x: 'signup', y: 'plan' }, 'A line chart needs a numeric y; plan is text.'],
		['box of text y', { mark: 'box', x: 'plan', y: 'churn' }, 'Box plots need a numeric y; churn is text.'],
		['box without columns', { mark: 'box' }, 'Box plots need a numeric y.'],
		['box coloured apart from x', { mark: 'box', x: 'plan', y: 'revenue', color: 'churn' }, expect.stringContaining('colour')]
	] as const)('validateChartSpec(%s) explains the problem', (_, change, message) => {
		expect(validateChartSpec(spec(change), COLUMNS)).toEqual(message);
	});

	test.each([
		{ mark: 'bar', x: 'plan' },
		{ mark: 'bar', x: 'plan', y: 'revenue', aggregate: 'median', color: 'churn', facet: 'region' },
		{ mark: 'histogram', x: 'tenure', color: 'churn' },
		{ mark: 'histogram', x: 'signup' },
		{ mark: 'line', x: 'signup', y: 'revenue' },
		{ mark: 'line', x: 'signup' },
		{ mark: 'dot', x: 'tenure', y: 'revenue', color: 'plan' },
		{ mark: 'box', x: 'plan', y: 'revenue' },
		{ mark: 'box', x: 'tenure' },
		{ mark: 'box', y: 'revenue', color: 'plan' }
	] as const)('validateChartSpec(%o) accepts a drawable chart', (change) => {
		expect(validateChartSpec(spec(change), COLUMNS)).toBeNull();
	});
});

describe('requiredColumns', () => {
	test('requiredColumns({mark: "bar", aggregate: "count"}) leaves y out', () => {
		expect(requiredColumns(spec({ x: 'plan', y: 'revenue', color: 'churn' }))).toEqual(['plan', 'churn']);
	});
	test('requiredColumns({mark: "dot"}) lists x, y, colour and facet once each', () => {
		expect(requiredColumns(spec({ mark: 'dot', x: 'tenure', y: 'revenue', color: 'plan', facet: 'plan' }))).toEqual([
			'tenure',
			'revenue',
			'plan'
		]);
	});
});

describe('columnKind', () => {
	test.each([
		['BIGINT', 'numeric'],
		['DECIMAL(18,3)', 'numeric'],
		['Float64', 'numeric'],
		['Uint8', 'numeric'],
		['Decimal[18e+2]', 'numeric'],
		['VARCHAR', 'text'],
		['Dictionary<Int32, Utf8>', 'text'],
		['TIMESTAMP WITH TIME ZONE', 'temporal'],
		['Date32<DAY>', 'temporal'],
		['BOOLEAN', 'boolean'],
		['Bool', 'boolean'],
		['INTERVAL', 'other']
	])('columnKind(%s) is %s', (type, kind) => {
		expect(columnKind(type)).toBe(kind);
	});
});
