/**
 * The dashboard's two charts as Observable Plot options (loaded with the
 * first chart: Plot stays out of the first page). Risk levels keep one colour
 * everywhere: the same as the customer table's rows.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { formatPercent, themeStyle, type ChartTheme } from '$lib/charts';
import { RISK_LEVELS } from '../scored-table';
import { M } from './messages';

/** Risk level colours (light theme, dark theme), also used by the table. */
export const RISK_COLOURS: Record<string, [string, string]> = { Low: ['#2f9e44', '#51cf66'], Medium: ['#e8890c', '#ffa94d'], High: ['#c92a2a', '#ff6b6b'] };

const riskColour = (dark: boolean) => ({
	domain: [...RISK_LEVELS],
	range: RISK_LEVELS.map((l) => RISK_COLOURS[l][dark ? 1 : 0]),
	legend: true,
	label: M.riskLevel
});

/** Customers by tenth of churn probability, stacked by risk level. */
export function distributionOptions(rows: { band: number; risk_level: string; customers: number }[], theme: ChartTheme): PlotOptions {
	return {
		width: theme.width,
		height: 240,
		style: themeStyle(theme.dark),
		x: { label: M.bandLabel, domain: [0, 1], tickFormat: (v: number) => formatPercent(v * 100) },
		y: { label: M.customerCount, grid: true },
		color: riskColour(theme.dark),
		marks: [Plot.rectY(rows, { x1: 'band', x2: (d) => d.band + 0.1, y: 'customers', fill: 'risk_level', tip: true, inset: 1 }), Plot.ruleY([0])]
	};
}

/** Mean churn probability by segment, with the customers of each in the tip. */
export function segmentOptions(rows: { segment: string; customers: number; mean_risk: number; high_share: number }[], theme: ChartTheme): PlotOptions {
	return {
		width: theme.width,
		height: 60 + 28 * rows.length,
		marginLeft: 140,
		style: themeStyle(theme.dark),
		x: { label: M.meanRisk, domain: [0, 1], grid: true, tickFormat: (v: number) => formatPercent(v * 100) },
		y: { label: null, domain: rows.map((r) => r.segment) },
		marks: [
			Plot.barX(rows, { y: 'segment', x: 'mean_risk', fill: (d) => (d.mean_risk >= 0.5 ? RISK_COLOURS.High[theme.dark ? 1 : 0] : RISK_COLOURS.Medium[theme.dark ? 1 : 0]), tip: true, channels: { customers: 'customers' } }),
			Plot.text(rows, { y: 'segment', x: 'mean_risk', text: (d) => `${formatPercent(d.mean_risk * 100)} · ${d.customers}`, dx: 4, textAnchor: 'start', fill: 'currentColor' }),
			Plot.ruleX([0])
		]
	};
}
