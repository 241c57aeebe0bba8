/**
 * The dashboard's guesses of which scored-table column plays which part
 * (the user can change each), and the customer table's default columns.
 */
import type { ColumnInfo } from '$lib/clients/data';
import { REASON_COLUMNS, SCORE_COLUMNS } from '../scored-table';

const NUMERIC = /^(DOUBLE|FLOAT|REAL|DECIMAL|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U)/i;
const TEXTUAL = /^VARCHAR/i;
const OUTPUTS = new Set<string>([...Object.values(SCORE_COLUMNS), ...REASON_COLUMNS]);

const first = (columns: ColumnInfo[], name: RegExp, type: RegExp) => columns.find((c) => !OUTPUTS.has(c.name) && name.test(c.name) && type.test(c.type))?.name ?? '';

/**
 * A customer's value: the lifetime value a value cell added (`clv`: revenue at risk is then
 * the CLV the churn would lose), else a value per period: monthly_charges, revenue, arpu, amount…
 * ('' when none).
 */
export function guessValueColumn(columns: ColumnInfo[]): string {
	return first(columns, /^clv$|lifetime.?value/i, NUMERIC) || first(columns, /monthly.?charge|monthly|revenue|arpu|mrr|charge|value|amount|spend/i, NUMERIC);
}

/** The segment for the risk chart: contract, segment, plan, tier… ('' when none). */
export function guessSegmentColumn(columns: ColumnInfo[]): string {
	return first(columns, /contract/i, TEXTUAL) || first(columns, /^segment$|segment|plan|tier|offer/i, /./);
}

/** The actual churn flag: churn, churned, exited, attrition, left… ('' when none). */
export function guessTargetColumn(columns: ColumnInfo[]): string {
	return first(columns, /^(churn|churned|exited|attrition|left|churn_?flag|churn_?label)$/i, /./);
}

/** A joined sentiment score (sentiment_score) ('' when none). */
export function guessSentimentColumn(columns: ColumnInfo[]): string {
	return first(columns, /sentiment.?score|^sentiment$/i, NUMERIC);
}

/** Columns shown before the user chooses: id, probability, segment, value, first reason. */
export function defaultShown(columns: ColumnInfo[], parts: { id: string; segment: string; value: string }): string[] {
	const names = new Set(columns.map((c) => c.name));
	return [parts.id, SCORE_COLUMNS.probability, parts.segment, parts.value, REASON_COLUMNS[0]].filter((c, i, all) => c && names.has(c) && all.indexOf(c) === i);
}

/** The chosen columns that still exist, in order (a rescored table may have lost one). */
export function shownColumns(chosen: string[], columns: ColumnInfo[], fallback: string[]): string[] {
	const names = new Set(columns.map((c) => c.name));
	const kept = chosen.filter((c) => names.has(c));
	return kept.length ? kept : fallback;
}

/** Text columns (searched by the search box). */
export function textColumns(columns: ColumnInfo[]): string[] {
	return columns.filter((c) => TEXTUAL.test(c.type) && !REASON_COLUMNS.includes(c.name as (typeof REASON_COLUMNS)[number])).map((c) => c.name);
}
