/**
 * The lifetime value views as Observable Plot options (loaded with the first
 * chart: Plot stays out of the first page): calibration vs holdout by
 * frequency, cumulative repeat purchases, the P(alive) matrix and the CLV
 * distribution.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { CATEGORICAL_SCHEME, formatFixed, seriesColour, themeStyle, type ChartTheme } from '$lib/charts';
import { M } from './messages';

export interface HoldoutRow {
	/** Repeat purchases in calibration (the last bucket holds this many or more). */
	frequency: number;
	customers: number;
	actual: number;
	predicted: number;
}

/** Actual and predicted in two categorical colours, with a legend (and the predicted line dashed: not by colour alone). */
const series = () => ({ domain: [M.actual, M.predicted], scheme: CATEGORICAL_SCHEME, legend: true }) as const;

/** Mean holdout repeat purchases by calibration frequency, actual beside predicted (the paper's fig. 3). */
export function holdoutOptions(rows: HoldoutRow[], top: number, theme: ChartTheme): PlotOptions {
	const long = rows.flatMap((r) => [
		{ frequency: r.frequency, series: M.actual, value: r.actual, customers: r.customers },
		{ frequency: r.frequency, series: M.predicted, value: r.predicted, customers: r.customers }
	]);
	const label = (f: number) => (f >= top ? `${top}+` : String(f));
	return {
		width: theme.width,
		height: 260,
		style: themeStyle(theme.dark),
		fx: { label: M.holdoutX, tickFormat: label },
		x: { axis: null, domain: [M.actual, M.predicted] },
		y: { label: M.holdoutY, grid: true },
		color: series(),
		marks: [Plot.barY(long, { fx: 'frequency', x: 'series', y: 'value', fill: 'series', tip: true, channels: { customers: 'customers' } }), Plot.ruleY([0])]
	};
}

/** Cumulative repeat purchases of the cohort, actual and expected, with the calibration end marked (the paper's fig. 2). */
export function trackingOptions(actual: { period: number; value: number }[], expected: { period: number; value: number }[], calibrationEnd: number, unit: string, theme: ChartTheme): PlotOptions {
	const rows = [...actual.map((d) => ({ ...d, series: M.actual })), ...expected.map((d) => ({ ...d, series: M.predicted }))];
	return {
		width: theme.width,
		height: 260,
		style: themeStyle(theme.dark),
		x: { label: M.trackingX(unit) },
		y: { label: M.trackingY, grid: true },
		color: series(),
		marks: [
			Plot.ruleX([calibrationEnd], { strokeDasharray: '2,3', stroke: 'currentColor', strokeOpacity: 0.6 }),
			Plot.text([calibrationEnd], { x: (d: number) => d, frameAnchor: 'top', text: () => M.calibrationLine, dx: -4, textAnchor: 'end', fill: 'currentColor' }),
			Plot.lineY(rows.filter((d) => d.series === M.actual), { x: 'period', y: 'value', stroke: 'series', tip: true }),
			// Dashed for the prediction: told apart by more than colour.
			Plot.lineY(rows.filter((d) => d.series === M.predicted), { x: 'period', y: 'value', stroke: 'series', strokeDasharray: '5,3', tip: true }),
			Plot.ruleY([0])
		]
	};
}

/** P(alive) of a customer of the oldest age by frequency × recency: the classic matrix. */
export function aliveOptions(matrix: { frequency: number[]; recency: number[]; value: Float64Array }, unit: string, theme: ChartTheme): PlotOptions {
	const { frequency, recency, value } = matrix;
	const cells = frequency.flatMap((f, i) => recency.map((r, j) => ({ frequency: f, recency: r, p: value[i * recency.length + j] })));
	const step = recency.length > 1 ? recency[1] - recency[0] : 1;
	return {
		width: theme.width,
		height: Math.max(200, Math.min(420, 60 + 14 * frequency.length)),
		style: themeStyle(theme.dark),
		x: { label: M.aliveX(unit) },
		y: { label: M.aliveY },
		color: { type: 'linear', domain: [0, 1], scheme: 'viridis', legend: true, label: M.pAlive },
		marks: [
			Plot.rect(cells, { x1: 'recency', x2: (d: { recency: number }) => d.recency + step, y1: (d: { frequency: number }) => d.frequency - 0.5, y2: (d: { frequency: number }) => d.frequency + 0.5, fill: 'p', tip: true, title: (d: { frequency: number; recency: number; p: number }) => `${M.aliveY} ${d.frequency} · ${formatFixed(d.recency, 1)} → ${M.pAlive} ${formatFixed(d.p, 2)}` })
		]
	};
}

/** Customers by CLV (the long tail is cut at the 99th percentile so the bulk stays readable). */
export function clvOptions(clv: Float64Array, theme: ChartTheme): PlotOptions {
	const sorted = Float64Array.from(clv.filter(Number.isFinite)).sort();
	const cap = sorted[Math.floor(0.99 * (sorted.length - 1))] ?? 0;
	const values = Array.from(sorted, (v) => Math.min(v, cap));
	return {
		width: theme.width,
		height: 240,
		style: themeStyle(theme.dark),
		x: { label: M.clvX },
		y: { label: M.customers, grid: true },
		marks: [Plot.rectY(values, { ...Plot.binX({ y: 'count' }, { x: (d: number) => d, thresholds: 30 }), fill: seriesColour(theme.dark), tip: true }), Plot.ruleY([0])]
	};
}
