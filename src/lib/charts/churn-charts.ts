/**
 * Plot options for the churn cell's evaluation views: ROC, precision–recall,
 * calibration, gains and lift, score distribution, profit, training curve and
 * feature importance. Inputs are the outputs of `$models/shared/metrics`.
 * Imports Plot's marks; load on demand (`loadChurnCharts()` in `index.ts`).
 */
import type { Markish, PlotOptions } from '@observablehq/plot';
import { barX, dot, line, rectY, ruleX, ruleY } from '@observablehq/plot';
import type { CalibrationBin, GainsPoint, PrPoint, ProfitPoint, RocPoint, ScoreBin } from '$models/shared';
import { M } from './messages';
import { shortLabel } from './axes';
import { CATEGORICAL_SCHEME, seriesColour, themeStyle, type ChartTheme } from './theme';

export type { ChartTheme } from './theme';

const T = M.churn;

const HEIGHT = 300;
/** Most features an importance chart lists. */
export const TOP_FEATURES = 20;
const BAR_HEIGHT = 22;

/** One model's ROC curve, as `rocCurve` returns it. */
export interface RocSeries {
	label: string;
	points: RocPoint[];
	auc: number;
}

/** One model's precision–recall curve, as `prCurve` returns it. */
export interface PrSeries {
	label: string;
	points: PrPoint[];
	ap: number;
}

/** One step of a training run (boosting round or epoch). */
export interface TrainingStep {
	step: number;
	trainLoss: number;
	validLoss?: number;
}

export interface Importance {
	feature: string;
	value: number;
}

/** Reference lines (diagonals, baselines) stay grey so the models' colours stand out. */
const REFERENCE = { stroke: '#888', strokeDasharray: '4 3', strokeWidth: 1 };
/** Churners warm, stayers the series blue: the same pair on both themes. */
const CHURN_COLOUR = (dark: boolean) => (dark ? '#ff8a65' : '#d9480f');
/** The decision threshold and the suggested threshold. */
const THRESHOLD_COLOUR = (dark: boolean) => (dark ? '#e6e6e6' : '#1f2328');
const SUGGESTED_COLOUR = (dark: boolean) => (dark ? '#7ee787' : '#1a7f37');

function frame(theme: ChartTheme, height = HEIGHT): PlotOptions {
	return {
		width: Math.max(240, Math.round(theme.width)),
		height,
		marginLeft: 48,
		marginBottom: 40,
		marginRight: 20,
		style: themeStyle(theme.dark)
	};
}

/** Unit axes for rates and probabilities. */
const unit = (label: string) => ({ domain: [0, 1], label, grid: true });

/** Infinity (the "nobody flagged" end of a curve) reads as blank in a tooltip rather than "Infinity". */
const finite = (t: number) => (Number.isFinite(t) ? t : null);

/** One model draws in the series colour; several get a colour each and a legend. */
function seriesStroke(count: number, theme: ChartTheme): { stroke: string; color?: PlotOptions['color'] } {
	if (count <= 1) return { stroke: seriesColour(theme.dark) };
	return { stroke: 'model', color: { legend: true, scheme: CATEGORICAL_SCHEME } };
}

const diagonal = () => line([{ x: 0, y: 0 }, { x: 1, y: 1 }], { x: 'x', y: 'y', ...REFERENCE });

/** ROC curves of one or more models over the chance diagonal; the legend carries each AUC. */
export function rocOptions(curves: RocSeries[], theme: ChartTheme): PlotOptions {
	const rows = curves.flatMap((c) =>
		c.points.map((p) => ({ model: T.withAuc(c.label, c.auc), fpr: p.fpr, tpr: p.tpr, threshold: finite(p.threshold) }))
	);
	const { stroke, color } = seriesStroke(curves.length, theme);
	return {
		...frame(theme),
		x: unit(T.fpr),
		y: unit(T.tpr),
		color,
		marks: [
			diagonal(),
			line(rows, { x: 'fpr', y: 'tpr', z: 'model', stroke, strokeWidth: 2, channels: { threshold: 'threshold' }, tip: { format: { x: '.2f', y: '.2f', threshold: '.2f' } } })
		]
	};
}

/**
 * Precision–recall curves; `positiveRate` (the share of churners) draws the
 * no-skill baseline a model must beat.
 */
export function prOptions(curves: PrSeries[], theme: ChartTheme, positiveRate?: number): PlotOptions {
	const rows = curves.flatMap((c) =>
		c.points.map((p) => ({ model: T.withAp(c.label, c.ap), recall: p.recall, precision: p.precision, threshold: finite(p.threshold) }))
	);
	const { stroke, color } = seriesStroke(curves.length, theme);
	const marks: Markish[] = [];
	if (positiveRate !== undefined && Number.isFinite(positiveRate)) marks.push(ruleY([positiveRate], REFERENCE));
	marks.push(
		line(rows, { x: 'recall', y: 'precision', z: 'model', stroke, strokeWidth: 2, channels: { threshold: 'threshold' }, tip: { format: { x: '.2f', y: '.2f', threshold: '.2f' } } })
	);
	return { ...frame(theme), x: unit(T.recall), y: unit(T.precision), color, marks };
}

/** Reliability diagram: observed churn rate per probability bin against the y = x line of perfect calibration. */
export function calibrationOptions(bins: CalibrationBin[], theme: ChartTheme): PlotOptions {
	const colour = seriesColour(theme.dark);
	const rows = bins.map((b) => ({ ...b }));
	return {
		...frame(theme),
		x: unit(T.meanPredicted),
		y: unit(T.fractionPositive),
		marks: [
			diagonal(),
			line(rows, { x: 'meanPredicted', y: 'fractionPositive', stroke: colour, strokeWidth: 1.5 }),
			dot(rows, {
				x: 'meanPredicted',
				y: 'fractionPositive',
				fill: colour,
				r: 4,
				channels: { [T.customers]: 'count' },
				tip: { format: { x: '.2f', y: '.2f' } }
			})
		]
	};
}

// `percent` scales values by 100 before the domain applies, so the domain is in percent.
const percentAxis = (label: string) => ({ domain: [0, 100], label, grid: true, percent: true });

/** Cumulative gains: the share of churners reached when contacting the top x % of scores, over the random line. */
export function gainsOptions(points: GainsPoint[], theme: ChartTheme): PlotOptions {
	const rows = points.map((p) => ({ ...p }));
	return {
		...frame(theme),
		x: percentAxis(`${T.contacted} (%)`),
		y: percentAxis(`${T.captured} (%)`),
		marks: [
			diagonal(),
			line(rows, { x: 'fractionContacted', y: 'fractionCaptured', stroke: seriesColour(theme.dark), strokeWidth: 2, tip: { format: { x: '.0%', y: '.1%' } } })
		]
	};
}

/** Lift: how many times the random churn rate the top x % of scores reaches; 1 is random. */
export function liftOptions(points: GainsPoint[], theme: ChartTheme): PlotOptions {
	const rows = points.filter((p) => Number.isFinite(p.lift)).map((p) => ({ ...p }));
	return {
		...frame(theme),
		x: percentAxis(`${T.contacted} (%)`),
		y: { label: T.lift, grid: true, zero: true },
		marks: [
			ruleY([1], REFERENCE),
			line(rows, { x: 'fractionContacted', y: 'lift', stroke: seriesColour(theme.dark), strokeWidth: 2, tip: { format: { x: '.0%', y: '.2f' } } })
		]
	};
}

/**
 * Score histograms of stayers and churners, overlaid (not stacked, so each
 * class keeps its own shape), with a rule at the decision threshold.
 */
export function scoreDistributionOptions(
	bins: ScoreBin[],
	threshold: number,
	theme: ChartTheme,
	classes: { negative: string; positive: string } = { negative: T.stayed, positive: T.churned }
): PlotOptions {
	const rows = bins.flatMap((b) => [
		{ x0: b.x0, x1: b.x1, group: classes.negative, count: b.negatives },
		{ x0: b.x0, x1: b.x1, group: classes.positive, count: b.positives }
	]);
	const peak = rows.reduce((m, r) => Math.max(m, r.count), 0);
	return {
		...frame(theme),
		marginLeft: Math.max(48, String(peak).length * 8 + 16),
		x: { domain: [0, 1], label: T.score },
		y: { label: T.customers, grid: true },
		color: { legend: true, domain: [classes.negative, classes.positive], range: [seriesColour(theme.dark), CHURN_COLOUR(theme.dark)] },
		marks: [
			rectY(rows, { x1: 'x0', x2: 'x1', y1: 0, y2: 'count', fill: 'group', fillOpacity: 0.55, insetLeft: 0.5, insetRight: 0.5, tip: true }),
			ruleY([0]),
			ruleX([threshold], { stroke: THRESHOLD_COLOUR(theme.dark), strokeWidth: 2 })
		]
	};
}

/**
 * Expected campaign profit by threshold, with the break-even line, the
 * suggested threshold (green) and, when given, the current one (dashed).
 */
export function profitOptions(points: ProfitPoint[], suggested: number | null, theme: ChartTheme, current?: number): PlotOptions {
	const rows = points.map((p) => ({ ...p }));
	const peak = rows.reduce((m, r) => Math.max(m, Math.abs(r.profit)), 0);
	const marks: Markish[] = [ruleY([0], REFERENCE)];
	if (current !== undefined) marks.push(ruleX([current], { stroke: THRESHOLD_COLOUR(theme.dark), strokeDasharray: '2 3' }));
	if (suggested !== null) marks.push(ruleX([suggested], { stroke: SUGGESTED_COLOUR(theme.dark), strokeWidth: 2 }));
	marks.push(
		line(rows, {
			x: 'threshold',
			y: 'profit',
			stroke: seriesColour(theme.dark),
			strokeWidth: 2,
			channels: { [T.contacted]: 'contacted' },
			tip: { format: { x: '.2f', y: ',.0f' } }
		})
	);
	return {
		...frame(theme),
		marginLeft: Math.max(48, Math.round(peak).toLocaleString('en-US').length * 7 + 22),
		x: { domain: [0, 1], label: T.threshold, grid: true },
		y: { label: T.profit, grid: true },
		marks
	};
}

/** Loss per step for training and, when recorded, validation. */
export function trainingCurveOptions(curve: TrainingStep[], theme: ChartTheme): PlotOptions {
	const rows = curve.flatMap((s) => {
		const out: { step: number; loss: number; series: string }[] = [{ step: s.step, loss: s.trainLoss, series: T.training }];
		if (s.validLoss !== undefined && Number.isFinite(s.validLoss)) out.push({ step: s.step, loss: s.validLoss, series: T.validation });
		return out;
	});
	return {
		...frame(theme),
		x: { label: T.step, grid: true },
		y: { label: T.loss, grid: true },
		color: { legend: true, domain: [T.training, T.validation], range: [seriesColour(theme.dark), CHURN_COLOUR(theme.dark)] },
		marks: [line(rows, { x: 'step', y: 'loss', stroke: 'series', strokeWidth: 2, tip: { format: { y: '.4f' } } })]
	};
}

/**
 * Feature importance as horizontal bars, largest first, the top 20 only;
 * `title` labels the value axis (e.g. "Permutation importance (drop in AUC)").
 */
export function importanceOptions(items: Importance[], title: string, theme: ChartTheme): PlotOptions {
	const top = items
		.filter((i) => Number.isFinite(i.value))
		.slice()
		.sort((a, b) => b.value - a.value || a.feature.localeCompare(b.feature))
		.slice(0, TOP_FEATURES)
		.map((i) => ({ ...i }));
	const longest = top.reduce((m, i) => Math.max(m, shortLabel(i.feature).length), 0);
	return {
		...frame(theme, top.length * BAR_HEIGHT + 60),
		marginLeft: Math.max(60, Math.min(220, longest * 7 + 14)),
		x: { label: title, grid: true },
		y: { domain: top.map((i) => i.feature), label: null, tickFormat: shortLabel },
		marks: [
			barX(top, { x: 'value', y: 'feature', fill: seriesColour(theme.dark), tip: { format: { x: '.4f' } } }),
			ruleX([0])
		]
	};
}
