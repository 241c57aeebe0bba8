/**
 * Text columns that hold numbers as people write them ("1 234,50 €", "12,5 %",
 * "N/A") become numbers. The format is decided from a sample of distinct
 * values, then the whole column is read in that format and checked: a single
 * value that is neither a number in that format, a missing marker nor empty
 * leaves the column as text, as written.
 */
import type { Db } from './db';
import { N, textNumbersNote } from './import-notes';
import { MISSING_TOKENS, numberSql, readNumbersAsText, TRIMMED, type NumbersAsText } from './numbers-as-text';
import { quoteIdent, quoteString } from './sql-quote';
import { num } from './values';

/** Rows read for the sample, and distinct values kept from them: enough to see a column's format, cheap on any table. */
const SAMPLE_ROWS = 50_000;
const SAMPLE_VALUES = 2_000;

/** A cell as trimmed text ('' for blank spaces, NULL for a missing cell). */
const cellText = (column: string) => `trim(CAST(${quoteIdent(column)} AS VARCHAR), ${quoteString(TRIMMED)})`;
const isMarker = (t: string) => `lower(${t}) IN (${MISSING_TOKENS.map(quoteString).join(', ')})`;

/** A column read as numbers: its select-list expression and the note that says so. */
export interface TextNumberColumn {
	column: string;
	type: 'BIGINT' | 'DOUBLE';
	expression: string;
	note: string;
}

/** The first distinct non-empty values of `column`, in table order. */
function sampleValues(db: Db, table: string, column: string): string[] {
	const rows = db.raw(
		`SELECT v FROM (SELECT ${cellText(column)} AS v, rowid AS r FROM ${quoteIdent(table)} LIMIT ${SAMPLE_ROWS}) WHERE v <> '' GROUP BY v ORDER BY min(r) LIMIT ${SAMPLE_VALUES}`
	);
	return rows.toArray().map((r) => String(r.v));
}

/** Counts over the whole column, for each candidate: values that did not read, values not whole, blank cells, negatives in parentheses. */
function checkColumns(db: Db, table: string, candidates: [string, NumbersAsText][]) {
	const parts = candidates.flatMap(([column, rule], i) => {
		const t = cellText(column);
		const asDouble = numberSql(t, rule);
		return [
			`count(*) FILTER (WHERE ${t} <> '' AND NOT ${isMarker(t)} AND ${asDouble} IS NULL) AS bad${i}`,
			`count(*) FILTER (WHERE ${asDouble} IS NOT NULL AND ${numberSql(t, rule, 'BIGINT')} IS NULL) AS fractional${i}`,
			`count(*) FILTER (WHERE ${t} = '') AS blank${i}`,
			`count(*) FILTER (WHERE starts_with(${t}, '(') AND ${asDouble} IS NOT NULL) AS parens${i}`
		];
	});
	const row: Record<string, unknown> = db.raw(`SELECT ${parts.join(', ')} FROM ${quoteIdent(table)}`).get(0) ?? {};
	return candidates.map((_, i) => ({
		bad: num(row[`bad${i}`]),
		fractional: num(row[`fractional${i}`]),
		blank: num(row[`blank${i}`]),
		parens: num(row[`parens${i}`])
	}));
}

/** The missing markers of `column` as written, most frequent first. */
function markerCounts(db: Db, table: string, column: string): { token: string; cells: number }[] {
	const t = cellText(column);
	const rows = db.raw(`SELECT ${t} AS token, count(*) AS n FROM ${quoteIdent(table)} WHERE ${isMarker(t)} GROUP BY token ORDER BY n DESC, token`);
	return rows.toArray().map((r) => ({ token: String(r.token), cells: num(r.n) }));
}

/** What was removed around the digits, in words, for the note. */
function removed(rule: NumbersAsText): string[] {
	const words: string[] = [];
	if (rule.group) words.push(N.thousands);
	if (rule.currency) words.push(/^[a-z]+$/i.test(rule.currency) ? N.currencyCode(rule.currency) : N.currencySign(rule.currency));
	if (rule.format === 'percent') words.push(N.percentSign);
	return words;
}

/**
 * Which of `columns` (text columns of `table`) read as numbers, each with its
 * expression for a `SELECT * REPLACE (…)` and its note; the table is not changed.
 * Whole numbers written without decimals become BIGINT, except money and
 * percentages, which stay DOUBLE.
 */
export function textNumberColumns(db: Db, table: string, columns: string[], decimal: '.' | ','): TextNumberColumn[] {
	const candidates = columns.flatMap((column): [string, NumbersAsText][] => {
		const rule = readNumbersAsText(sampleValues(db, table, column), decimal);
		return rule ? [[column, rule]] : [];
	});
	if (!candidates.length) return [];
	const checks = checkColumns(db, table, candidates);
	return candidates.flatMap(([column, rule], i) => {
		const check = checks[i];
		if (check.bad > 0) return [];
		const integer = check.fractional === 0 && rule.format !== 'currency' && rule.format !== 'percent';
		const type = integer ? 'BIGINT' : 'DOUBLE';
		const note = textNumbersNote(column, {
			removed: removed(rule),
			// Said only when nothing else explains the change ("1 234,50 €" needs no word on its comma).
			decimalCommas: rule.format === 'grouped' && !rule.group && rule.decimal === ',' && decimal === '.',
			negatives: check.parens,
			markers: markerCounts(db, table, column),
			blanks: check.blank
		});
		return [{ column, type, expression: `${numberSql(cellText(column), rule, type)} AS ${quoteIdent(column)}`, note }];
	});
}
