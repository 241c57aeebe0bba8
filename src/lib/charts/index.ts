/**
 * Charts: cell params → Observable Plot options, plus export.
 *
 * Validation, formatting and export are light and imported directly. The
 * builders import Plot itself (~300 kB), so they are reached through the
 * `load…` functions: Plot then loads with the first chart, not the first page.
 */
export type { ChartAggregate, ChartMark, ChartSpec } from './types';
export { DEFAULT_CHART_SPEC } from './types';
export { columnKind, requiredColumns, validateChartSpec, type ChartColumn, type ColumnKind } from './validate';
export { toChartRows, type ChartRows } from './rows';
export { formatCount, formatFixed, formatNumber, formatPercent } from '$lib/i18n';
export { CATEGORICAL_SCHEME, exportBackground, seriesColour, themeStyle, type ChartTheme } from './theme';
export { downloadPng, downloadSvg, svgMarkup, svgToPngBlob } from './export';
export { meanAbsShap, quantileRanks, strongestInteraction, type FeatureImpact } from './explain-stats';
export { formatPoints, reasonText, reasonsText, topReasons, valueText } from './reasons';

/** The chart cell's builder (`chartOptions`), loaded on demand. */
export const loadChartOptions = () => import('./chart-options');

/** The profile view's builders (`histogramOptions`, `correlationHeatmapOptions`), loaded on demand. */
export const loadProfileCharts = () => import('./profile-charts');

/** The churn cell's evaluation builders (`rocOptions`, `profitOptions`, …), loaded on demand. */
export const loadChurnCharts = () => import('./churn-charts');

/** The churn cell's explanation builders (`summaryBarOptions`, `beeswarmOptions`, `dependenceOptions`, `waterfallOptions`, …), loaded on demand. */
export const loadExplainCharts = () => import('./explain-charts');

/** Partial dependence / ICE builder, loaded on demand. */
export const loadDependenceCharts = () => import('./dependence-charts');

/** Segmentation charts (elbow, silhouette, profile heatmap, PCA map), loaded on demand. */
export const loadSegmentCharts = () => import('./segment-charts');

/** Recommendation evaluation (hit rate and NDCG per model), loaded on demand. */
export const loadRecommendCharts = () => import('./recommend-charts');
