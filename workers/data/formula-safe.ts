/**
 * The rule that keeps a CSV cell from running as a spreadsheet formula: a
 * text value that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * gets a leading `'`, unless it is a plain number (`-12.5`). One rule for the
 * CSVs DuckDB writes (`csv-export.ts`, as SQL) and those built in the page
 * (`safeCsvText`, e.g. outreach drafts).
 */

/** Starts like a formula (the same text is a RE2 pattern for DuckDB and a JS pattern: `\t` and `\r` are the characters). */
export const FORMULA_START = '^[=+\\-@\\t\\r]';
export const PLAIN_NUMBER = '^[+-]?[0-9]+([.,][0-9]+)?([eE][+-]?[0-9]+)?$';

const formulaStart = new RegExp(FORMULA_START);
const plainNumber = new RegExp(PLAIN_NUMBER);

/** `text` as a spreadsheet shows it as text: `=HYPERLINK(…)` → `'=HYPERLINK(…)`; `-12.5` unchanged. */
export function safeCsvText(text: string): string {
	return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/** One CSV field: neutralised, quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const safe = safeCsvText(value);
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
