import type { ChartSpec } from './types';

/** A column as the chart sees it: a DuckDB type (`BIGINT`) or an Arrow type (`Int64`). */
export interface ChartColumn {
	name: string;
	type: string;
}

/** What a chart can do with a column. */
export type ColumnKind = 'numeric' | 'temporal' | 'text' | 'boolean' | 'other';

// Both spellings reach us: DuckDB names from `describe`, Arrow names from a chart's data.
const NUMERIC =
	/^(tinyint|smallint|integer|int|bigint|hugeint|utinyint|usmallint|uinteger|ubigint|uhugeint|float|double|real|decimal|numeric|u?int\d+|float\d+)\b/i;
const TEMPORAL = /^(date|timestamp|time)/i;
const BOOLEAN = /^(boolean|bool)\b/i;
const TEXT = /^(varchar|text|string|char|bpchar|uuid|enum|utf8|largeutf8|dictionary)/i;

/**
 * Kind of a DuckDB or Arrow type name.
 * @example columnKind('DECIMAL(18,3)') // 'numeric'; columnKind('Dictionary<Int32, Utf8>') // 'text'
 */
export function columnKind(type: string): ColumnKind {
	if (NUMERIC.test(type)) return 'numeric';
	if (TEMPORAL.test(type)) return 'temporal';
	if (BOOLEAN.test(type)) return 'boolean';
	if (TEXT.test(type)) return 'text';
	return 'other';
}

const KIND_WORDS: Record<ColumnKind, string> = {
	numeric: 'numeric',
	temporal: 'a date',
	text: 'text',
	boolean: 'true/false',
	other: 'not a number'
};

/** Whether the mark reads `y` under this aggregate (bars counting rows ignore it). */
function usesY(spec: ChartSpec): boolean {
	if (spec.mark === 'histogram') return false;
	if (spec.mark === 'bar') return spec.aggregate !== 'count';
	return true;
}

/**
 * Columns a chart needs, without duplicates, for `ChartDataRequest.columns`.
 * @example requiredColumns({...DEFAULT_CHART_SPEC, x: 'plan', color: 'churn'}) // ['plan', 'churn']
 */
export function requiredColumns(spec: ChartSpec): string[] {
	const names = [spec.x, usesY(spec) ? spec.y : null, spec.color, spec.facet];
	return [...new Set(names.filter((n): n is string => !!n))];
}

/**
 * The first problem that stops `spec` from drawing over `columns`, worded for
 * users, or null when it can be drawn.
 * @example validateChartSpec({...spec, mark: 'histogram', x: 'plan'}, cols) // "A histogram needs a numeric x column; plan is text."
 */
export function validateChartSpec(spec: ChartSpec, columns: ChartColumn[]): string | null {
	if (!spec.relation) return 'Choose a table or view to chart.';
	const byName = new Map(columns.map((c) => [c.name, c]));
	for (const name of requiredColumns(spec)) {
		if (!byName.has(name)) return `Column ${name} is not in ${spec.relation}.`;
	}
	const kind = (name: string | null) => (name ? columnKind(byName.get(name)!.type) : null);
	const xKind = kind(spec.x);
	const yKind = kind(spec.y);
	const aggregated = spec.aggregate !== 'count';

	switch (spec.mark) {
		case 'bar':
			if (!spec.x) return 'Choose a column for x.';
			if (aggregated && !spec.y) return `Choose a numeric column for y to take its ${spec.aggregate}.`;
			if (aggregated && yKind !== 'numeric') return aggregateProblem(spec, yKind!);
			return null;
		case 'histogram':
			if (!spec.x) return 'Choose a column for x.';
			if (xKind !== 'numeric' && xKind !== 'temporal')
				return `A histogram needs a numeric x column; ${spec.x} is ${KIND_WORDS[xKind!]}.`;
			return null;
		case 'line':
			if (!spec.x) return 'Choose a column for x.';
			if (!spec.y && aggregated) return `Choose a numeric column for y to take its ${spec.aggregate}.`;
			if (spec.y && yKind !== 'numeric')
				return aggregated ? aggregateProblem(spec, yKind!) : `A line chart needs a numeric y; ${spec.y} is ${KIND_WORDS[yKind!]}.`;
			return null;
		case 'dot':
			if (!spec.x) return 'Choose a column for x.';
			if (!spec.y) return 'Choose a column for y.';
			return null;
		case 'box':
			// Boxes are grouped by x; a different colour column would overlap them.
			if (spec.color && spec.x && spec.color !== spec.x)
				return 'Box plots colour their boxes by x: choose the same column for colour and x, or no colour.';
			if (spec.y) return yKind === 'numeric' ? null : `Box plots need a numeric y; ${spec.y} is ${KIND_WORDS[yKind!]}.`;
			if (!spec.x) return 'Box plots need a numeric y.';
			// With only x, the box is drawn horizontally over x.
			return xKind === 'numeric' ? null : `Box plots need a numeric y; choose one (${spec.x} is ${KIND_WORDS[xKind!]}).`;
		default:
			return `invalid mark: ${String((spec as { mark: unknown }).mark)}`;
	}
}

function aggregateProblem(spec: ChartSpec, yKind: ColumnKind): string {
	const what = spec.aggregate.charAt(0).toUpperCase() + spec.aggregate.slice(1);
	return `${what} needs a numeric y column; ${spec.y} is ${KIND_WORDS[yKind]}.`;
}
