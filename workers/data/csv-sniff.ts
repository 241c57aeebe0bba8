/**
 * Guesses delimiter, decimal separator and header from the start of a CSV
 * text. DuckDB has its own sniffer, but it does not detect a decimal comma and
 * can mistake `;` files with decimal commas for `,` files, so we decide these
 * ourselves (quote-aware) and pass them explicitly.
 */
import { CURRENCIES, escapeRegex, SPACES } from './number-pattern';

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];

/** Bytes of the file's start examined by the sniffer. */
export const SNIFF_BYTES = 64 * 1024;
const MAX_RECORDS = 500;

/**
 * Splits text into records of fields, honouring `"` quotes (with `""` escapes
 * and line breaks inside quotes). A partial last record is dropped when `partial`.
 */
export function parseRecords(text: string, delim: string, partial: boolean, max = MAX_RECORDS): string[][] {
	const records: string[][] = [];
	let fields: string[] = [];
	let field = '';
	let quoted = false;
	let i = 0;
	for (; i < text.length && records.length < max; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch !== '"') field += ch;
			else if (text[i + 1] === '"') field += text[++i];
			else quoted = false;
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === delim) {
			fields.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			fields.push(field);
			if (!(fields.length === 1 && fields[0] === '')) records.push(fields); // blank line
			fields = [];
			field = '';
		} else field += ch;
	}
	const atEnd = i >= text.length;
	if (atEnd && !partial && (field !== '' || fields.length > 0)) records.push([...fields, field]);
	return records;
}

/** Most frequent value of a list of counts, and how many records have it. */
function mode(counts: number[]): { value: number; share: number } {
	const tally = new Map<number, number>();
	for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
	let best = 0;
	let hits = 0;
	for (const [value, n] of tally) if (n > hits || (n === hits && value > best)) [best, hits] = [value, n];
	return { value: best, share: counts.length ? hits / counts.length : 0 };
}

/**
 * Picks the delimiter whose field count is most consistent across records
 * (ties: more fields). A file with one column gets ','.
 */
export function sniffDelimiter(sample: string, partial: boolean): Delimiter {
	let best: Delimiter = ',';
	let bestScore = -1;
	for (const delim of DELIMITERS) {
		const records = parseRecords(sample, delim, partial);
		const { value, share } = mode(records.map((r) => r.length));
		if (value < 2) continue;
		// Consistency dominates; the number of fields breaks near-ties.
		const score = Math.round(share * 100) * 1000 + Math.min(value, 999);
		if (score > bestScore) [best, bestScore] = [delim, score];
	}
	return best;
}

const COMMA_DECIMAL = /^-?(?:\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d+),\d+$/;
const DOT_DECIMAL = /^-?(?:\d{1,3}(?:[,'’]\d{3})+|\d+)\.\d+$/;
const forms = CURRENCIES.flat().map(escapeRegex).join('|');
/** A currency or percent sign around a number ("1 234,50 €", "$1,234.50", "12,5 %"): the digits tell the decimal separator just as well. */
const AFFIX = new RegExp(`^(?:${forms})[${SPACES}]*|[${SPACES}]*(?:${forms}|%)$`, 'giu');

/** ',' when numbers written like `1,5` outnumber `1.5` (only possible when ',' is not the delimiter). */
export function sniffDecimal(records: string[][], delim: Delimiter): '.' | ',' {
	if (delim === ',') return '.';
	let comma = 0;
	let dot = 0;
	for (const record of records.slice(1)) {
		for (const field of record) {
			const f = field.trim().replace(AFFIX, '');
			if (COMMA_DECIMAL.test(f)) comma++;
			else if (DOT_DECIMAL.test(f)) dot++;
		}
	}
	return comma > dot ? ',' : '.';
}

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * Whether the first record is a header. Almost every CRM export has one, so
 * only a first record made entirely of numbers, like the record after it, is
 * taken as data (DuckDB's own guess fails on headers like `id,2023,2024`).
 */
export function sniffHeader(records: string[][]): boolean {
	const [first, second] = records;
	if (!first || !second) return true;
	const numeric = (r: string[]) => r.every((f) => NUMBER.test(f.trim()));
	return !(numeric(first) && numeric(second));
}

export interface SniffResult {
	delimiter: Delimiter;
	decimal: '.' | ',';
	header: boolean;
	/** Records parsed from the sample (header included), at most 500. */
	records: string[][];
}

/**
 * Sniffs the start of a UTF-8 file. Options other than 'auto' are kept.
 *
 * @example sniffCsv(bytes, 'auto', 'auto') // { delimiter: ';', decimal: ',', header: true, ... }
 */
export function sniffCsv(utf8: Uint8Array, delimiter: 'auto' | Delimiter, decimal: 'auto' | '.' | ','): SniffResult {
	const partial = utf8.length > SNIFF_BYTES;
	// `stream: true` keeps a multi-byte character cut at the boundary out of the text.
	const sample = new TextDecoder('utf-8').decode(utf8.subarray(0, SNIFF_BYTES), { stream: partial });
	const delim = delimiter === 'auto' ? sniffDelimiter(sample, partial) : delimiter;
	const records = parseRecords(sample, delim, partial);
	return {
		delimiter: delim,
		decimal: decimal === 'auto' ? sniffDecimal(records, delim) : decimal,
		header: sniffHeader(records),
		records
	};
}
