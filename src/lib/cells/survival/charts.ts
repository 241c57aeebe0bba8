/**
 * The survival views as Observable Plot options (loaded with the first chart):
 * Kaplan–Meier curves with their bands, hazard ratios with their intervals,
 * and one customer's predicted curve against the average customer's.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { CATEGORICAL_SCHEME, formatFixed, themeStyle, type ChartTheme } from '$lib/charts';
import type { SurvivalCurve } from '$lib/clients/train';
import { M } from './messages';

interface CurvePoint {
	group: string;
	time: number;
	survival: number;
	lower: number;
	upper: number;
}

/** A curve's steps, starting at S(0) = 1 (Kaplan–Meier curves start with everyone). */
function points(group: string, curve: SurvivalCurve): CurvePoint[] {
	const out: CurvePoint[] = [{ group, time: 0, survival: 1, lower: 1, upper: 1 }];
	curve.time.forEach((time, i) => out.push({ group, time, survival: curve.survival[i], lower: curve.lower[i], upper: curve.upper[i] }));
	return out;
}

/** One step curve per group with its 95 % band; groups told apart by colour and by the legend's names. */
export function curvesOptions(groups: { label: string; curve: SurvivalCurve }[], timeLabel: string, theme: ChartTheme): PlotOptions {
	const rows = groups.flatMap((g) => points(g.label, g.curve));
	return {
		width: theme.width,
		height: 300,
		style: themeStyle(theme.dark),
		x: { label: timeLabel },
		y: { label: M.survival, domain: [0, 1], grid: true, tickFormat: '.0%' },
		color: { legend: groups.length > 1, scheme: CATEGORICAL_SCHEME, domain: groups.map((g) => g.label) },
		marks: [
			Plot.areaY(rows, { x: 'time', y1: 'lower', y2: 'upper', fill: 'group', fillOpacity: 0.15, curve: 'step-after' }),
			Plot.lineY(rows, { x: 'time', y: 'survival', stroke: 'group', curve: 'step-after', tip: true, channels: { lower: 'lower', upper: 'upper' } }),
			Plot.ruleY([0])
		]
	};
}

/** Hazard ratios on a log axis with their 95 % intervals, 1 marked. */
export function hazardOptions(all: { name: string; ratio: number; lower: number; upper: number }[], theme: ChartTheme): PlotOptions {
	// A covariate redundant with the others has no ratio (NaN): it stays in the table, not on a log axis.
	const rows = all.filter((r) => Number.isFinite(r.ratio) && Number.isFinite(r.lower) && Number.isFinite(r.upper));
	return {
		width: theme.width,
		height: 60 + 24 * rows.length,
		marginLeft: 180,
		style: themeStyle(theme.dark),
		x: { type: 'log', label: M.hazardRatio, grid: true, tickFormat: '~g' },
		y: { label: null, domain: rows.map((r) => r.name) },
		marks: [
			Plot.ruleX([1], { stroke: 'currentColor', strokeOpacity: 0.5 }),
			Plot.ruleY(rows, { y: 'name', x1: 'lower', x2: 'upper', stroke: 'currentColor' }),
			Plot.dot(rows, { y: 'name', x: 'ratio', fill: 'currentColor', tip: true, title: (d: { name: string; ratio: number; lower: number; upper: number }) => `${d.name}: ${formatFixed(d.ratio, 2)} [${formatFixed(d.lower, 2)}, ${formatFixed(d.upper, 2)}]` })
		]
	};
}

/** A customer's predicted curve S(t) = exp(−H₀(t) × relative risk) against the average customer's (dashed). */
export function customerOptions(baseline: { time: number[]; cumulativeHazard: number[] }, relativeRisk: number, label: string, timeLabel: string, theme: ChartTheme): PlotOptions {
	const curve = (name: string, risk: number) => [{ name, time: 0, survival: 1 }, ...baseline.time.map((time, i) => ({ name, time, survival: Math.exp(-baseline.cumulativeHazard[i] * risk) }))];
	return {
		width: theme.width,
		height: 260,
		style: themeStyle(theme.dark),
		x: { label: timeLabel },
		y: { label: M.survival, domain: [0, 1], grid: true, tickFormat: '.0%' },
		color: { legend: true, scheme: CATEGORICAL_SCHEME, domain: [M.average, label] },
		marks: [
			// Dashed for the average: told apart by more than colour.
			Plot.lineY(curve(M.average, 1), { x: 'time', y: 'survival', stroke: 'name', curve: 'step-after', strokeDasharray: '5,3' }),
			Plot.lineY(curve(label, relativeRisk), { x: 'time', y: 'survival', stroke: 'name', curve: 'step-after', tip: true }),
			Plot.ruleY([0])
		]
	};
}
