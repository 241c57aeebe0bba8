/**
 * Texts of the profile cell: the column table, flags, correlations.
 */
import type { ColumnFlag } from '$lib/clients/data';
import { formatCount, messages } from '$lib/i18n';

export const M = messages({
	add: 'Profile',
	profiledIn: (time: string) => `profiled in ${time}`,
	profiling: 'Profiling',
	summary: (rows: number, columns: number) => `${formatCount(rows)} rows · ${formatCount(columns)} columns`,
	duplicates: (n: number) => (n === 1 ? '1 duplicated row' : `${formatCount(n)} duplicated rows`),
	noDuplicates: 'no duplicated rows',
	caption: (table: string) => `Columns of ${table}`,
	column: 'Column',
	type: 'Type',
	missing: 'Missing',
	distinct: 'Distinct',
	summaryHead: 'Summary',
	distribution: 'Distribution',
	flagsHead: 'Flags',
	min: 'min',
	q1: 'q1',
	median: 'median',
	q3: 'q3',
	max: 'max',
	mean: 'mean',
	std: 'std',
	distributionOf: (name: string) => `Distribution of ${name}`,
	none: '–',
	correlations: 'Correlations between numeric columns',
	correlationsNote: 'Pearson r: blue moves together, red moves apart; grey pairs have no correlation (a constant column).',
	heatmapLabel: (n: number) => `Correlation heatmap of ${n} numeric columns`,
	outliers: (n: number) => (n === 1 ? '1 outlier' : `${formatCount(n)} outliers`),
	outliersHint: 'Values more than 1.5 × IQR beyond the quartiles (not counted on columns with a few repeated values such as 0/1).',
	flags: {
		constant: 'constant',
		'id-like': 'ID-like',
		'mostly-missing': '> 50 % missing',
		'all-missing': 'all missing',
		'target-like': 'looks like a target'
	} satisfies Record<ColumnFlag, string>,
	flagHints: {
		constant: 'Every row has the same value, so it cannot explain differences between customers.',
		'id-like': 'Almost every value is different, like an identifier: leave it out of models.',
		'mostly-missing': 'More than half of the values are missing.',
		'all-missing': 'Every value is missing.',
		'target-like': 'Few values and a name like churn, exited or status: a likely outcome to predict.'
	} satisfies Record<ColumnFlag, string>
});
