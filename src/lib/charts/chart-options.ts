/**
 * Chart cell params → Observable Plot options. Imports Plot's marks, so load
 * it on demand (`loadChartOptions()` in `index.ts`) to keep Plot out of the
 * first page's bundle.
 */
import type { Markish, PlotOptions, RectYOptions, ScaleOptions } from '@observablehq/plot';
import { barY, binX, boxX, boxY, dot, groupX, lineY, rectY, ruleY } from '@observablehq/plot';
import { categoryAxis, categoryMarginLeft, maxAbs, numericMarginLeft, shortLabel, sumAbs } from './axes';
import { distinctValues, toChartRows } from './rows';
import type { ChartSpec } from './types';
import { CATEGORICAL_SCHEME, seriesColour, themeStyle, type ChartTheme } from './theme';
import { columnKind, type ColumnKind } from './validate';
import { M } from './messages';

export { requiredColumns, validateChartSpec } from './validate';
export type { ChartTheme } from './theme';

const HEIGHT = 360;
const FACET_ROW_HEIGHT = 150;
/** Beyond this many facet values, facets stack in rows (fy) instead of columns (fx). */
const MAX_FACET_COLUMNS = 4;

type Row = Record<string, unknown>;

interface Layout {
	/** `{fx: name}` or `{fy: name}`, spread into every mark. */
	channels: { fx?: string; fy?: string };
	columns: number;
	height: number;
	marginRight: number;
}

function facetLayout(spec: ChartSpec, rows: Row[]): Layout {
	if (!spec.facet) return { channels: {}, columns: 1, height: HEIGHT, marginRight: 20 };
	const count = distinctValues(rows, spec.facet).length;
	if (count <= MAX_FACET_COLUMNS) return { channels: { fx: spec.facet }, columns: count, height: HEIGHT, marginRight: 20 };
	return {
		channels: { fy: spec.facet },
		columns: 1,
		height: Math.max(HEIGHT, count * FACET_ROW_HEIGHT + 60),
		marginRight: 110
	};
}

function aggregateLabel(spec: ChartSpec): string {
	return spec.aggregate === 'count' || !spec.y ? M.table.count : M.table.aggregateOf(spec.aggregate, spec.y);
}

/** What one mark type contributes: its marks plus scale and margin overrides. */
interface Built {
	marks: Markish[];
	x?: ScaleOptions;
	y?: ScaleOptions;
	marginLeft?: number;
	marginBottom?: number;
}

/** A column accessor that keeps the column's name as the channel label (Plot reads `.label`). */
type Field = ((d: Row) => unknown) & { label: string };

/**
 * Colour channels go through an accessor: Plot would take a column named
 * like a CSS colour ("gold", "tan") for a constant colour.
 */
function colourField(name: string): Field {
	return Object.assign((d: Row) => d[name], { label: name });
}

interface Context {
	spec: ChartSpec;
	rows: Row[];
	kind: (name: string | null) => ColumnKind | null;
	facet: Layout['channels'];
	/** A constant colour, or the colour column. */
	fill: string | Field;
	/** The constant colour of single-series marks. */
	series: string;
	/** Width of one facet's plot area, for tick-label fitting. */
	plotWidth: number;
}

const isCategory = (kind: ColumnKind | null) => kind === 'text' || kind === 'boolean' || kind === 'other';

function ordinalX(c: Context, name: string): Built {
	const axis = categoryAxis(c.rows, name, c.plotWidth);
	return {
		marks: [],
		x: { label: name, tickRotate: axis.tickRotate, tickFormat: axis.tickFormat },
		marginBottom: axis.marginBottom,
		marginLeft: axis.marginLeft
	};
}

/** Merges a mark's margins with its x axis's: the larger need wins. */
function withAxis(axis: Built, built: Built): Built {
	return {
		...axis,
		...built,
		marginLeft: Math.max(axis.marginLeft ?? 0, built.marginLeft ?? 0),
		marginBottom: Math.max(axis.marginBottom ?? 0, built.marginBottom ?? 0) || undefined
	};
}

function bar(c: Context): Built {
	const { spec } = c;
	const x = spec.x!;
	const xKind = c.kind(x);
	const y = spec.aggregate === 'count' ? {} : { y: spec.y! };
	const peak = spec.aggregate === 'count' ? c.rows.length : spec.aggregate === 'sum' ? sumAbs(c.rows, spec.y!) : maxAbs(c.rows, spec.y!);
	const yAxis = { y: { label: aggregateLabel(spec), grid: true }, marginLeft: numericMarginLeft(peak) };
	if (xKind === 'temporal') {
		// One band per date is unreadable; bin dates into periods and reduce each.
		const mark = rectY(c.rows, binX<RectYOptions>({ y: spec.aggregate }, { x, ...y, fill: c.fill, ...c.facet, tip: true }));
		return { ...yAxis, marks: [mark, ruleY([0])], x: { label: x } };
	}
	// Text categories read best largest first; numbers keep their order.
	const sort = !spec.color && isCategory(xKind) ? { x: '-y' as const } : undefined;
	const mark = barY(c.rows, groupX({ y: spec.aggregate }, { x, ...y, fill: c.fill, ...c.facet, sort, tip: true }));
	return withAxis(ordinalX(c, x), { ...yAxis, marks: [mark, ruleY([0])] });
}

function histogram(c: Context): Built {
	const x = c.spec.x!;
	const mark = rectY(c.rows, binX<RectYOptions>({ y: 'count' }, { x, fill: c.fill, ...c.facet, tip: true }));
	return {
		marks: [mark, ruleY([0])],
		x: { label: x },
		y: { label: M.table.count, grid: true },
		marginLeft: numericMarginLeft(c.rows.length)
	};
}

/** A copy of `rows` in ascending `name` order (numbers, dates or text), missing values last. */
function sortedBy(rows: Row[], name: string): Row[] {
	const key = (v: unknown) => (v instanceof Date ? v.getTime() : v);
	return rows.slice().sort((a, b) => {
		const u = key(a[name]);
		const v = key(b[name]);
		if (u == null || v == null) return u == null ? (v == null ? 0 : 1) : -1;
		// Plain < like d3.ascending, so points follow the order of Plot's ordinal domain.
		return (u as number) < (v as number) ? -1 : (u as number) > (v as number) ? 1 : 0;
	});
}

function line(c: Context): Built {
	const { spec } = c;
	const x = spec.x!;
	const stroke = c.fill;
	const common = { x, stroke, strokeWidth: 1.5, ...c.facet, tip: true };
	// Lines join points in data order (groups come out first-seen), so sort by x first or they zigzag.
	const rows = sortedBy(c.rows, x);
	let mark: Markish;
	let peak: number;
	if (spec.aggregate !== 'count' && spec.y) {
		mark = lineY(rows, groupX({ y: spec.aggregate }, { ...common, y: spec.y }));
		peak = spec.aggregate === 'sum' ? sumAbs(c.rows, spec.y) : maxAbs(c.rows, spec.y);
	} else if (!spec.y) {
		mark = lineY(rows, groupX({ y: 'count' }, common));
		peak = c.rows.length;
	} else {
		mark = lineY(rows, { ...common, y: spec.y });
		peak = maxAbs(c.rows, spec.y);
	}
	const base: Built = isCategory(c.kind(x)) ? ordinalX(c, x) : { marks: [], x: { label: x } };
	const label = spec.y && spec.aggregate === 'count' ? spec.y : aggregateLabel(spec);
	return withAxis(base, { marks: [mark], y: { label, grid: true }, marginLeft: numericMarginLeft(peak) });
}

function dots(c: Context): Built {
	const { spec } = c;
	const x = spec.x!;
	const y = spec.y!;
	// Dense clouds get see-through dots so overlaps show as darker areas.
	const fillOpacity = c.rows.length > 2000 ? 0.35 : 0.8;
	const mark = dot(c.rows, { x, y, fill: c.fill, r: 2.5, fillOpacity, ...c.facet, tip: true });
	const base: Built = isCategory(c.kind(x)) ? ordinalX(c, x) : { marks: [], x: { label: x } };
	const yCategory = isCategory(c.kind(y));
	return withAxis(base, {
		marks: [mark],
		y: { label: y, grid: true, ...(yCategory ? { tickFormat: shortLabel } : {}) },
		marginLeft: yCategory ? categoryMarginLeft(c.rows, y) : numericMarginLeft(maxAbs(c.rows, y))
	});
}

function box(c: Context): Built {
	const { spec } = c;
	// A colour column without x groups the boxes by colour (validation allows only colour = x otherwise).
	const x = spec.x ?? spec.color;
	const fill = spec.color ? colourField(spec.color) : c.fill;
	if (!spec.y) {
		// One box over all rows: a colour column would split it into overlapping boxes.
		const mark = boxX(c.rows, { x: x!, fill: c.series, fillOpacity: 0.6, ...c.facet, tip: true });
		return { marks: [mark], x: { label: x!, grid: true }, marginLeft: 20 };
	}
	const mark = boxY(c.rows, { y: spec.y, ...(x ? { x } : {}), fill, fillOpacity: 0.6, ...c.facet, tip: true });
	const base: Built = x ? ordinalX(c, x) : { marks: [] };
	return withAxis(base, { marks: [mark], y: { label: spec.y, grid: true }, marginLeft: numericMarginLeft(maxAbs(c.rows, spec.y)) });
}

const BUILDERS: Record<ChartSpec['mark'], (c: Context) => Built> = { bar, histogram, line, dot: dots, box };

/**
 * Plot options for a chart cell. `data` is an Arrow Table (from `tableFromIPC`)
 * or an array of row objects; the spec is assumed valid (`validateChartSpec`).
 * @example Plot.plot(chartOptions({...DEFAULT_CHART_SPEC, relation: 'customers', x: 'plan'}, table, {dark: false, width: 640}))
 */
export function chartOptions(spec: ChartSpec, data: unknown, theme: ChartTheme): PlotOptions {
	const { rows, columns } = toChartRows(data);
	const kinds = new Map(columns.map((col) => [col.name, columnKind(col.type)]));
	const kind = (name: string | null) => (name ? (kinds.get(name) ?? 'other') : null);
	const layout = facetLayout(spec, rows);
	const width = Math.max(240, Math.round(theme.width));
	const context: Context = {
		spec,
		rows,
		kind,
		facet: layout.channels,
		fill: spec.color ? colourField(spec.color) : seriesColour(theme.dark),
		series: seriesColour(theme.dark),
		plotWidth: (width - 60 - layout.marginRight) / layout.columns
	};
	const built = BUILDERS[spec.mark](context);
	const colourKind = kind(spec.color);

	const options: PlotOptions = {
		width,
		height: layout.height,
		marginLeft: built.marginLeft ?? 40,
		marginRight: layout.marginRight,
		marginBottom: built.marginBottom ?? 36,
		marginTop: layout.channels.fx ? 30 : 20,
		style: themeStyle(theme.dark),
		x: built.x,
		y: built.y,
		marks: built.marks
	};
	if (spec.color) {
		options.color = {
			legend: true,
			label: spec.color,
			// Numbers and dates get a continuous ramp; everything else distinct hues.
			...(colourKind === 'numeric' || colourKind === 'temporal' ? { scheme: 'turbo' } : { scheme: CATEGORICAL_SCHEME, tickFormat: shortLabel })
		};
	}
	if (layout.channels.fx) options.fx = { label: spec.facet, tickFormat: shortLabel };
	if (layout.channels.fy) options.fy = { label: spec.facet, tickFormat: shortLabel };
	return options;
}
