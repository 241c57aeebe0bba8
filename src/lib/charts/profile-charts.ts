/**
 * Plot options for the profile view: a sparkline-sized distribution per column
 * and the correlation heatmap. Imports Plot's marks; load on demand
 * (`loadProfileCharts()` in `index.ts`).
 */
import type { PlotOptions, ScaleOptions } from '@observablehq/plot';
import { barY, cell, rectY, text } from '@observablehq/plot';
import type { ColumnProfile, TableProfile } from '$lib/clients/data';
import { M } from './messages';
import { shortLabel } from './axes';
import { seriesColour, themeStyle, type ChartTheme } from './theme';
import { formatNumber } from '$lib/i18n';

export const SPARK_WIDTH = 160;
export const SPARK_HEIGHT = 48;

/** Only the theme matters for sparklines: their size is fixed. */
type SparkTheme = Pick<ChartTheme, 'dark'>;

const SPARK_FRAME = {
	width: SPARK_WIDTH,
	height: SPARK_HEIGHT,
	margin: 2,
	axis: null
} satisfies PlotOptions;

/**
 * A tiny distribution of one column: the histogram bins for numbers, the most
 * frequent values for the rest, or null when the profile has neither.
 * Tooltips use native `title`s: Plot's tip would be clipped by a 48px chart.
 */
export function histogramOptions(col: ColumnProfile, theme: SparkTheme): PlotOptions | null {
	const fill = seriesColour(theme.dark);
	const base = { ...SPARK_FRAME, style: themeStyle(theme.dark) };
	if (col.histogram && col.histogram.length > 0) {
		const bins = col.histogram.map((b) => ({ ...b }));
		return {
			...base,
			x: { domain: [bins[0].x0, bins[bins.length - 1].x1] },
			y: { domain: [0, Math.max(1, ...bins.map((b) => b.count))] },
			marks: [
				rectY(bins, {
					x1: 'x0',
					x2: 'x1',
					y: 'count',
					fill,
					insetLeft: 0.5,
					title: (b: { x0: number; x1: number; count: number }) =>
						`${formatNumber(b.x0)} – ${formatNumber(b.x1)}: ${b.count.toLocaleString('en-US')}`
				})
			]
		};
	}
	if (col.topValues && col.topValues.length > 0) {
		const top = col.topValues.map((t, rank) => ({ ...t, rank }));
		return {
			...base,
			// Bars keep the profile's order (most frequent first), keyed by rank so repeated labels stay apart.
			x: { type: 'band', domain: top.map((t) => t.rank), padding: 0.15 },
			y: { domain: [0, Math.max(1, ...top.map((t) => t.count))] },
			marks: [
				barY(top, {
					x: 'rank',
					y: 'count',
					fill,
					title: (t: { value: string; count: number }) => `${shortLabel(t.value)}: ${t.count.toLocaleString('en-US')}`
				})
			]
		};
	}
	return null;
}

/** One cell of the correlation matrix. */
interface CorrelationCell {
	row: string;
	column: string;
	r: number | null;
}

/** Heatmap cells from about 14px (no labels) to 44px wide. */
const MIN_CELL = 14;
const MAX_CELL = 44;
const LABEL_MIN_CELL = 30;

/**
 * Diverging red–blue over [-1, 1]. `marginLeft` and `marginRight` reach the ramp legend
 * (Plot passes colour options on to it) so the end labels "-1.0" and "1.0" are not cut off;
 * they are not in Plot's `ScaleOptions` type, hence the widened type.
 */
const colour = (): ScaleOptions & { marginLeft: number; marginRight: number } => ({
	type: 'linear',
	scheme: 'rdbu',
	domain: [-1, 1],
	legend: true,
	label: M.table.correlation,
	marginLeft: 12,
	marginRight: 12
});

/**
 * Correlation heatmap of the numeric columns: diverging red–blue over [-1, 1],
 * r written in each cell when there is room, tooltips on every cell.
 * @param theme.width the width available; the heatmap may be narrower.
 */
export function correlationHeatmapOptions(correlation: TableProfile['correlation'], theme: ChartTheme): PlotOptions {
	const names = correlation.columns;
	const cells: CorrelationCell[] = names.flatMap((row, i) =>
		names.map((column, j) => ({ row, column, r: correlation.matrix[i]?.[j] ?? null }))
	);
	const longest = names.reduce((m, n) => Math.max(m, shortLabel(n).length), 0);
	const marginLeft = Math.min(180, longest * 6 + 12);
	const marginBottom = Math.min(140, Math.round(longest * 6 * 0.72 + 16));
	const cellSize = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor((theme.width - marginLeft - 90) / Math.max(1, names.length))));
	const size = cellSize * names.length;
	const known = cells.filter((c) => c.r !== null);
	const labelled = cellSize >= LABEL_MIN_CELL;
	// Strong correlations are dark red or blue in 'rdbu'; white text reads there, black elsewhere.
	const strong = (c: CorrelationCell) => c.r !== null && Math.abs(c.r) >= 0.6;
	const label = (c: CorrelationCell) => (c.r === null ? '' : c.r.toFixed(2));

	return {
		width: marginLeft + size + 90,
		height: size + marginBottom + 10,
		marginLeft,
		marginBottom,
		marginTop: 10,
		marginRight: 90,
		style: themeStyle(theme.dark),
		x: { domain: names, label: null, tickRotate: -45, tickFormat: shortLabel },
		y: { domain: names, label: null, tickFormat: shortLabel },
		color: colour(),
		marks: [
			// Pairs without a correlation (a constant column) stay grey.
			cell(cells.filter((c) => c.r === null), { x: 'column', y: 'row', fill: '#8884' }),
			cell(known, {
				x: 'column',
				y: 'row',
				fill: 'r',
				inset: 0.5,
				tip: { format: { fill: '.2f' } }
			}),
			...(labelled
				? [
						text(known.filter(strong), { x: 'column', y: 'row', text: label, fill: 'white', pointerEvents: 'none' }),
						text(known.filter((c) => !strong(c)), { x: 'column', y: 'row', text: label, fill: 'black', pointerEvents: 'none' })
					]
				: [])
		]
	};
}
