/**
 * First guesses of the survival cell's columns from names and values, in
 * English and French: the duration (tenure, ancienneté…), the churn event and
 * its value, a grouping column (contract, plan…) and the Cox covariates.
 */
import type { ColumnInfo } from '$lib/clients/data';

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL)/i;
const DURATION = /tenure|duration|lifetime|months?_|_months?|days?_active|anciennet|dur[ée]e|seniority/i;
const EVENT = /churn|attrition|left|exited|cancel|r[ée]sili|d[ée]sabonn|d[ée]part|event|status|statut/i;
const GROUP = /contract|contrat|plan|forfait|offer|offre|segment|subscription|abonnement|tier/i;
/** Values that mark a churned customer, in order of preference. */
const EVENT_VALUES = ['yes', 'oui', '1', 'true', 'vrai', 'churned', 'churn', 'left', 'exited', 'cancelled', 'canceled', 'résilié', 'parti'];
/** Amounts that add up over the customer's life are the duration in disguise: not covariates. */
const CUMULATIVE = /total|cumul|lifetime/i;
/** Most covariates a first guess takes (more can be ticked). */
const MAX_COVARIATES = 8;
/** A text column is a grouping or a covariate only with this many values at most. */
const MAX_LEVELS = 10;

export interface ColumnLevels {
	column: ColumnInfo;
	/** Distinct values seen (up to MAX_LEVELS + 1). */
	values: string[];
}

const isNumeric = (c: ColumnInfo) => NUMERIC.test(c.type);

export function guessDuration(columns: ColumnInfo[]): string {
	return (columns.find((c) => isNumeric(c) && DURATION.test(c.name)) ?? columns.find((c) => isNumeric(c) && /month|mois|day|jour|week|semaine/i.test(c.name)))?.name ?? '';
}

export function guessEvent(columns: ColumnLevels[]): string {
	return columns.find(({ column, values }) => EVENT.test(column.name) && values.length === 2)?.column.name ?? '';
}

/** The value of a two-valued event column that marks leaving ("Yes", "1"…), else the second value in order. */
export function guessEventValue(values: string[]): string {
	const lower = values.map((v) => v.toLowerCase());
	for (const v of EVENT_VALUES) {
		const i = lower.indexOf(v);
		if (i >= 0) return values[i];
	}
	return [...values].sort()[1] ?? values[0] ?? '';
}

export function guessGroup(columns: ColumnLevels[], taken: string[]): string {
	const candidates = columns.filter(({ column, values }) => !taken.includes(column.name) && !isNumeric(column) && values.length >= 2 && values.length <= MAX_LEVELS);
	return (candidates.find(({ column }) => GROUP.test(column.name)) ?? candidates[0])?.column.name ?? '';
}

/** Numeric and few-valued columns other than the duration, event and ids, the group first. */
export function guessCovariates(columns: ColumnLevels[], taken: string[], group: string, isId: (name: string) => boolean): string[] {
	const usable = columns.filter(
		({ column, values }) =>
			!taken.includes(column.name) && column.name !== group && !isId(column.name) && !CUMULATIVE.test(column.name) && (isNumeric(column) || (values.length >= 2 && values.length <= MAX_LEVELS))
	);
	return [...(group ? [group] : []), ...usable.map((c) => c.column.name)].slice(0, MAX_COVARIATES);
}

export { MAX_LEVELS };
