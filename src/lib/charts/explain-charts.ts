/**
 * Plot options for the churn cell's explanation views: mean |SHAP| bars, a
 * beeswarm, a dependence plot and one customer's waterfall. Inputs are SHAP
 * values in probability units (`ExplainData`); charts speak in points (×100).
 * Imports Plot's marks; load on demand (`loadExplainCharts()` in `index.ts`).
 */
import type { Markish, PlotOptions, ScaleOptions } from '@observablehq/plot';
import { barX, dot, ruleX, ruleY, text } from '@observablehq/plot';
import type { ExplainData } from '$models/explain';
import { contribution, formatPoints, valueText } from './reasons';
import { M } from './messages';
import { shortLabel } from './axes';
import { formatPercent } from '$lib/i18n';
import { featureIndex, meanAbsShap, quantileRanks, shapColumn, strongestInteraction } from './explain-stats';
import { CATEGORICAL_SCHEME, seriesColour, themeStyle, type ChartTheme } from './theme';

export type { ChartTheme } from './theme';
export { featureIndex, meanAbsShap, quantileRanks, strongestInteraction, type FeatureImpact } from './explain-stats';
export { formatPoints, reasonsText, topReasons, valueText } from './reasons';

const T = M.explain;

/** Most columns the summary charts list. */
export const TOP_FEATURES = 20;
/** Customers drawn per column in the beeswarm and dependence plot: more only hides dots under dots. */
export const MAX_DOTS = 800;
const ROW_HEIGHT = 26;
/** Up (towards churn) warm, down the series blue, on both themes. */
const UP_COLOUR = (dark: boolean) => (dark ? '#ff8a65' : '#d9480f');
const TOTAL_COLOUR = '#8c959f';
/** Text columns and missing values: grey, since their levels have no low or high. */
const NO_RANK_COLOUR = '#9aa0a6';

function frame(theme: ChartTheme, height: number, labels: string[] = []): PlotOptions {
	const longest = labels.reduce((m, l) => Math.max(m, shortLabel(l).length), 0);
	return {
		width: Math.max(240, Math.round(theme.width)),
		height,
		marginLeft: labels.length ? Math.max(60, Math.min(220, longest * 7 + 14)) : 48,
		marginBottom: 40,
		marginRight: 40,
		style: themeStyle(theme.dark)
	};
}

/** A value in [0, 1) from two integers, the same on every run (seeded jitter without state). */
function hash01(a: number, b: number): number {
	let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
	h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
	h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
	return ((h ^ (h >>> 15)) >>> 0) / 4294967296;
}

/** Every k-th customer, so at most `MAX_DOTS` (deterministic, spread over the table). */
function sampleRows(rows: number): number[] {
	const stride = Math.max(1, Math.ceil(rows / MAX_DOTS));
	return Array.from({ length: Math.ceil(rows / stride) }, (_, i) => i * stride);
}

/** Rank colours: blue for a column's low values, red for its high ones. */
const rankColour = (label: string): ScaleOptions => ({
	type: 'linear',
	domain: [0, 1],
	scheme: 'RdBu',
	reverse: true,
	legend: true,
	label,
	ticks: [0, 1],
	tickFormat: (d: number) => (d === 0 ? T.low : T.high)
});

/** Mean |SHAP| per column as horizontal bars in points, largest first, the top 20 only. */
export function summaryBarOptions(data: ExplainData, theme: ChartTheme): PlotOptions {
	const top = meanAbsShap(data).slice(0, TOP_FEATURES);
	const names = top.map((t) => t.feature);
	return {
		...frame(theme, top.length * 22 + 60, names),
		x: { label: T.meanAbsAxis, grid: true },
		y: { domain: names, label: null, tickFormat: shortLabel },
		marks: [barX(top, { x: 'points', y: 'feature', fill: seriesColour(theme.dark), tip: { format: { x: '.1f' } } }), ruleX([0])]
	};
}

/**
 * One row per column (top 20 by mean |SHAP|, largest on top), a dot per
 * customer at its SHAP value in points. Dots spread vertically by a seeded
 * jitter scaled to the local density, so crowded values swell like a violin.
 * Numeric columns colour by the value's quantile rank within the column
 * (blue low → red high); text columns and missing values stay grey.
 */
export function beeswarmOptions(data: ExplainData, theme: ChartTheme): PlotOptions {
	const top = meanAbsShap(data).slice(0, TOP_FEATURES);
	const sample = sampleRows(data.rows);
	const dots = top.flatMap(({ feature, index: f }, k) => {
		const shap = shapColumn(data, f);
		const ranks = data.kinds[f] === 'numeric' ? quantileRanks(data.featureValues[f] ?? []) : [];
		const points = sample.map((r) => shap[r] * 100).filter(Number.isFinite);
		const lo = Math.min(...points);
		const span = Math.max(...points) - lo || 1;
		const BINS = 40;
		const bin = (p: number) => Math.min(BINS - 1, Math.floor(((p - lo) / span) * BINS));
		const counts = new Array<number>(BINS).fill(0);
		for (const p of points) counts[bin(p)]++;
		const peak = Math.max(1, ...counts);
		return sample
			.filter((r) => Number.isFinite(shap[r]))
			.map((r) => {
				const points = shap[r] * 100;
				const spread = 0.4 * Math.sqrt(counts[bin(points)] / peak);
				return { feature, y: k + spread * (2 * hash01(r, f) - 1), points, rank: ranks[r] ?? null, value: valueText(data.featureValues[f]?.[r]) };
			});
	});
	const names = top.map((t) => t.feature);
	const tip = { format: { x: '.1f', y: false, fill: false } };
	const channels = { column: { value: 'feature', label: T.column }, value: { value: 'value', label: T.value } };
	const style = { x: 'points', y: 'y', r: 2, fillOpacity: 0.8, channels, tip };
	return {
		...frame(theme, top.length * ROW_HEIGHT + 70, names),
		x: { label: T.shapAxis, grid: true },
		y: { domain: [top.length - 0.5, -0.5], ticks: names.map((_, i) => i), tickFormat: (i: number) => shortLabel(names[i] ?? ''), tickSize: 0, label: null },
		color: rankColour(T.valueRank),
		marks: [
			ruleX([0], { stroke: TOTAL_COLOUR }),
			dot(dots.filter((d) => d.rank === null), { ...style, fill: NO_RANK_COLOUR }),
			dot(dots.filter((d) => d.rank !== null), { ...style, fill: 'rank' })
		]
	};
}

/**
 * One column's SHAP value (points) against its value: a numeric axis, or one
 * jittered band per level for text (missing values as "missing"; missing
 * numbers are left out). Dots colour by the strongest interacting column
 * (`strongestInteraction`, unless `by` names one; null colours nothing):
 * its quantile rank if numeric, its level if text.
 */
export function dependenceOptions(data: ExplainData, feature: string, theme: ChartTheme, by: string | null = strongestInteraction(data, feature)): PlotOptions {
	const f = featureIndex(data, feature);
	const g = by === null ? -1 : featureIndex(data, by);
	const byNumeric = g >= 0 && data.kinds[g] === 'numeric';
	const byRanks = byNumeric ? quantileRanks(data.featureValues[g] ?? []) : [];
	const xs = data.featureValues[f] ?? [];
	const categorical = data.kinds[f] === 'categorical';
	const levels = categorical ? [...new Set(xs.map((v) => valueText(v)))].sort((a, b) => a.localeCompare(b)) : [];
	const shap = shapColumn(data, f);
	const dots = sampleRows(data.rows)
		.filter((r) => Number.isFinite(shap[r]) && (categorical || (typeof xs[r] === 'number' && Number.isFinite(xs[r]))))
		.map((r) => ({
			x: categorical ? levels.indexOf(valueText(xs[r])) + 0.6 * (hash01(r, f) - 0.5) : (xs[r] as number),
			points: shap[r] * 100,
			value: valueText(xs[r]),
			colour: g < 0 ? null : byNumeric ? byRanks[r] : valueText(data.featureValues[g]?.[r]),
			byValue: g < 0 ? '' : valueText(data.featureValues[g]?.[r])
		}));
	// Keyed apart from Plot's own channels (a column may be called "x"); the label names the column.
	const channels = { value: { value: 'value', label: feature }, ...(by ? { byValue: { value: 'byValue', label: by } } : {}) };
	const style = { x: 'x', y: 'points', r: 2.5, fillOpacity: 0.8, channels, tip: { format: { x: false, y: '.1f', fill: false } } };
	const longest = levels.reduce((m, l) => Math.max(m, shortLabel(l).length), 0);
	const rotate = categorical && longest * 6 * levels.length > theme.width - 80;
	const x = categorical
		? { domain: [-0.5, levels.length - 0.5], ticks: levels.map((_, i) => i), tickFormat: (i: number) => shortLabel(levels[i] ?? ''), tickRotate: rotate ? -30 : 0, label: feature }
		: { label: feature, grid: true };
	const marks: Markish[] = [ruleY([0], { stroke: TOTAL_COLOUR })];
	if (g < 0) marks.push(dot(dots, { ...style, fill: seriesColour(theme.dark) }));
	else if (byNumeric) marks.push(dot(dots.filter((d) => d.colour === null), { ...style, fill: NO_RANK_COLOUR }), dot(dots.filter((d) => d.colour !== null), { ...style, fill: 'colour' }));
	else marks.push(dot(dots, { ...style, fill: 'colour' }));
	return {
		...frame(theme, 320),
		marginBottom: rotate ? Math.min(140, longest * 4 + 30) : 40,
		x,
		y: { label: T.shapAxis, grid: true },
		color: by === null ? undefined : byNumeric ? rankColour(T.byRank(by)) : { legend: true, scheme: CATEGORICAL_SCHEME, label: by },
		marks
	};
}

/** One bar of a waterfall, in points of churn probability. */
export interface WaterfallStep {
	label: string;
	kind: 'base' | 'feature' | 'other' | 'gap' | 'output';
	/** Where the bar starts and ends (base and output bars start at 0). */
	start: number;
	end: number;
	/** What the bar adds (its length for base and output). */
	points: number;
}

/**
 * One customer's path from the base rate to their churn probability: the
 * base bar, then the `maxSteps` columns that move it most (by |points|; past
 * `maxSteps` columns, the last bar groups the rest as "N other columns"), an
 * "approximation gap" bar when the method's sum misses the output by 0.05
 * points or more, and the prediction bar. Each bar starts where the last ended.
 */
export function waterfallSteps(data: ExplainData, row: number, maxSteps = 10): WaterfallStep[] {
	if (!Number.isInteger(row) || row < 0 || row >= data.rows) throw new Error(`invalid row: ${row}`);
	const parts = data.features
		.map((feature, f) => ({ label: `${feature} = ${valueText(data.featureValues[f]?.[row])}`, feature, points: contribution(data, row, f) * 100 }))
		.filter((p) => Number.isFinite(p.points))
		.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.feature.localeCompare(b.feature));
	const cap = Math.max(1, maxSteps);
	const shown = parts.length > cap ? parts.slice(0, cap - 1) : parts;
	const rest = parts.slice(shown.length);
	const base = data.base * 100;
	const output = data.outputs[row] * 100;
	const steps: WaterfallStep[] = [{ label: T.baseRate, kind: 'base', start: 0, end: base, points: base }];
	let at = base;
	const push = (label: string, kind: WaterfallStep['kind'], points: number) => {
		steps.push({ label, kind, start: at, end: at + points, points });
		at += points;
	};
	for (const p of shown) push(p.label, 'feature', p.points);
	if (rest.length) push(T.otherColumns(rest.length), 'other', rest.reduce((s, p) => s + p.points, 0));
	if (Math.abs(output - at) >= 0.05) push(T.gap, 'gap', output - at);
	// The last bar ends on the output exactly, whatever rounding the sum met on the way.
	if (steps.length > 1) steps[steps.length - 1].end = output;
	steps.push({ label: T.prediction, kind: 'output', start: 0, end: output, points: output });
	return steps;
}

/** The waterfall as floating horizontal bars, top to bottom, each labelled with its points. */
export function waterfallOptions(data: ExplainData, row: number, theme: ChartTheme, maxSteps = 10): PlotOptions {
	const steps = waterfallSteps(data, row, maxSteps);
	const rows = steps.map((s, i) => ({
		...s,
		key: String(i),
		tone: s.kind === 'base' || s.kind === 'output' ? 'total' : s.points >= 0 ? 'up' : 'down',
		text: s.kind === 'base' || s.kind === 'output' ? formatPercent(s.points) : formatPoints(s.points),
		labelAt: Math.max(s.start, s.end)
	}));
	const lo = Math.min(0, ...rows.map((r) => Math.min(r.start, r.end)));
	const hi = Math.max(...rows.map((r) => r.labelAt));
	return {
		...frame(theme, rows.length * ROW_HEIGHT + 60, steps.map((s) => s.label)),
		x: { label: T.probabilityAxis, grid: true, domain: [lo, Math.min(100, hi + 8)] },
		y: { domain: rows.map((r) => r.key), tickFormat: (k: string) => shortLabel(steps[Number(k)]?.label ?? ''), label: null },
		color: { domain: ['up', 'down', 'total'], range: [UP_COLOUR(theme.dark), seriesColour(theme.dark), TOTAL_COLOUR] },
		marks: [
			barX(rows, { x1: 'start', x2: 'end', y: 'key', fill: 'tone', channels: { step: { value: 'label', label: T.column }, change: { value: 'text', label: T.points } }, tip: { format: { x1: false, x2: false, y: false, fill: false } } }),
			text(rows, { x: 'labelAt', y: 'key', text: 'text', dx: 4, textAnchor: 'start', fill: 'currentColor' }),
			ruleX([0])
		]
	};
}
