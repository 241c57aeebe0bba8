/**
 * One quote-aware pass over a CSV file's bytes, so the importer knows what the
 * file holds independently of DuckDB: how many records (to prove no row went
 * missing), which have the wrong number of fields, the longest record (DuckDB
 * refuses one over its line limit with a cryptic "CSV Error on Line: 1"), and
 * an unclosed quote (DuckDB then only says it "could not detect the dialect").
 * Bytes, not a string: a 150 MB file is scanned without building one.
 */
import type { Delimiter } from './csv-sniff';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Longest record DuckDB reads, line break included (its default `max_line_size`,
 * 2,000,000 bytes in DuckDB 1.4). The importer refuses longer records itself.
 */
export const MAX_LINE_BYTES = 2_000_000;

/** One record as the scanner saw it. */
export interface ScannedRecord {
	/** DuckDB's "line" of the record: records counted from 1, blank lines included, breaks inside quotes not. */
	ordinal: number;
	/** Line of the file, as a text editor numbers them, where the record starts. */
	line: number;
	fields: number;
	/** Size in bytes, its line break included. */
	bytes: number;
	/** Size of its longest field in bytes. */
	longestField: number;
	/** An empty line (DuckDB skips those). */
	blank: boolean;
}

/**
 * Calls `visit` for every record of `utf8` (quotes open only at the start of a
 * field, `""` inside quotes is a quote, as DuckDB reads them with quote and escape `"`).
 * Returns the line where a quote opens that is never closed, or 0.
 */
export function scanRecords(utf8: Uint8Array, delimiter: Delimiter, visit: (record: ScannedRecord) => void): number {
	const delim = delimiter.charCodeAt(0);
	let line = 1;
	let ordinal = 0;
	let recordStart = 0;
	let recordLine = 1;
	let fieldStart = 0;
	let fields = 1;
	let longestField = 0;
	let openedOn = 0;
	let atFieldStart = true;
	const endField = (at: number) => {
		longestField = Math.max(longestField, at - fieldStart);
		fieldStart = at + 1;
	};
	const endRecord = (at: number, next: number) => {
		endField(at);
		const blank = at === recordStart;
		visit({ ordinal: ++ordinal, line: recordLine, fields: blank ? 0 : fields, bytes: next - recordStart, longestField, blank });
		recordStart = fieldStart = next;
		recordLine = line;
		fields = 1;
		longestField = 0;
		atFieldStart = true;
	};
	for (let i = 0; i < utf8.length; i++) {
		const b = utf8[i];
		if (openedOn) {
			if (b === LF) line++;
			else if (b === QUOTE) {
				if (utf8[i + 1] === QUOTE) i++;
				else openedOn = 0;
			}
		} else if (b === LF || b === CR) {
			const next = b === CR && utf8[i + 1] === LF ? i + 2 : i + 1;
			line++;
			endRecord(i, next);
			i = next - 1;
		} else if (b === QUOTE && atFieldStart) {
			openedOn = line;
			atFieldStart = false;
		} else if (b === delim) {
			fields++;
			endField(i);
			atFieldStart = true;
		} else atFieldStart = false;
	}
	if (recordStart < utf8.length && !openedOn) endRecord(utf8.length, utf8.length);
	return openedOn;
}

/** What the scanner found in a whole file. */
export interface CsvScan {
	/** Non-blank records after the header: the rows the table should end up with. */
	dataRows: number;
	/** Fields of the first record. */
	headerFields: number;
	/** DuckDB ordinals of records with fewer fields than the first one, and their file lines. */
	short: Map<number, number>;
	/** The same for records with more fields than the first one. */
	long: Map<number, number>;
	/** The longest record (line 0 when the file is empty). */
	longest: { line: number; bytes: number; longestField: number };
	/** Line of a quote that is never closed, or 0. */
	unclosedQuoteLine: number;
}

/** Scans `utf8` once; `header` says whether its first record names the columns. */
export function scanCsv(utf8: Uint8Array, delimiter: Delimiter, header: boolean): CsvScan {
	const scan: CsvScan = { dataRows: 0, headerFields: 0, short: new Map(), long: new Map(), longest: { line: 0, bytes: 0, longestField: 0 }, unclosedQuoteLine: 0 };
	let first = true;
	scan.unclosedQuoteLine = scanRecords(utf8, delimiter, (r) => {
		if (r.bytes > scan.longest.bytes) scan.longest = { line: r.line, bytes: r.bytes, longestField: r.longestField };
		if (r.blank) return;
		if (first) {
			first = false;
			scan.headerFields = r.fields;
			if (header) return;
		}
		scan.dataRows++;
		if (r.fields < scan.headerFields) scan.short.set(r.ordinal, r.line);
		else if (r.fields > scan.headerFields) scan.long.set(r.ordinal, r.line);
	});
	return scan;
}

/** File lines of the records DuckDB numbers `ordinals` (a second pass, run only when DuckDB rejected rows). */
export function fileLines(utf8: Uint8Array, delimiter: Delimiter, ordinals: Iterable<number>): Map<number, number> {
	const wanted = new Set(ordinals);
	const lines = new Map<number, number>();
	if (wanted.size) scanRecords(utf8, delimiter, (r) => void (wanted.has(r.ordinal) && lines.set(r.ordinal, r.line)));
	return lines;
}
