/**
 * JSON files as tables, in the shapes exports come in: a list of records
 * (`[{…}, {…}]`), one record per line (NDJSON / JSON Lines), or an object
 * holding the list (`{"data": […]}`, `{"customers": […], "total": 2}`).
 * Values keep their JSON kind (numbers, true/false, text); dates stay text
 * here, as a later step types text columns for the whole import.
 */
import { messageOf } from '../errors';
import { W } from './reader-notes';
import type { ImportedTable } from './imported-table';
import { parseJson } from './json-integers';
import { RecordColumns } from './json-records';

type JsonRecord = Record<string, unknown>;

/** Non-blank lines checked to tell NDJSON from a JSON document. */
const SNIFFED_LINES = 5;

const isRecord = (v: unknown): v is JsonRecord => v !== null && typeof v === 'object' && !Array.isArray(v);

/** How a value is named in messages. */
function kindOf(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'a list';
	if (typeof v === 'object') return 'a record';
	if (typeof v === 'string') return 'text';
	if (typeof v === 'boolean') return 'true/false';
	return 'a number';
}

/** The first `max` non-blank lines of `text` with their 1-based line numbers, without splitting the whole text. */
function firstLines(text: string, max: number): { line: number; text: string }[] {
	const lines: { line: number; text: string }[] = [];
	for (let start = 0, line = 1; start < text.length && lines.length < max; line++) {
		const end = text.indexOf('\n', start);
		const body = text.slice(start, end < 0 ? text.length : end).trim();
		if (body) lines.push({ line, text: body });
		if (end < 0) break;
		start = end + 1;
	}
	return lines;
}

/** True when the first non-blank lines are each one complete JSON object (NDJSON / JSON Lines). */
export function looksLikeNdjson(text: string): boolean {
	const lines = firstLines(text.replace(/^\uFEFF/, ''), SNIFFED_LINES);
	return (
		lines.length > 0 &&
		lines.every(({ text: line }) => {
			if (!line.startsWith('{') || !line.endsWith('}')) return false;
			try {
				return isRecord(JSON.parse(line));
			} catch {
				return false;
			}
		})
	);
}

/** JSON.parse's message with the line it points at (engines give a character position). */
function parseProblem(e: unknown, text: string): string {
	const message = messageOf(e);
	const position = /position (\d+)/.exec(message);
	if (!position || /line \d+/.test(message)) return message;
	const line = text.slice(0, Number(position[1])).split('\n').length;
	return `line ${line.toLocaleString('en-US')}: ${message}`;
}

function readNdjson(text: string, fileName: string, columns: RecordColumns): void {
	let line = 0;
	for (const raw of text.split('\n')) {
		line++;
		const body = raw.trim();
		if (!body) continue;
		let value: unknown;
		try {
			value = parseJson(body);
		} catch (e) {
			throw new Error(`${fileName}: line ${line.toLocaleString('en-US')} is not valid JSON (${messageOf(e)}). Each line must hold one record, {…}.`);
		}
		if (!isRecord(value)) throw new Error(`${fileName}: line ${line.toLocaleString('en-US')} holds ${kindOf(value)}, not a record {…}. Each line must hold one record.`);
		columns.add(value);
	}
}

/** Paths (`data`, `response.items`) of the lists of records inside `record`, looking through nested objects. */
function recordLists(record: JsonRecord, prefix = ''): { path: string; list: unknown[] }[] {
	return Object.entries(record).flatMap(([key, value]) => {
		const path = prefix + key;
		if (Array.isArray(value)) return value.every(isRecord) ? [{ path, list: value }] : [];
		return isRecord(value) ? recordLists(value, `${path}.`) : [];
	});
}

/** The records of a parsed document, and a note when they were found inside an object. */
function documentRecords(doc: unknown, fileName: string): { items: unknown[]; note?: string } {
	if (Array.isArray(doc)) return { items: doc };
	if (!isRecord(doc)) throw new Error(`${fileName} holds a single value, not records (it is ${kindOf(doc)}). A table needs a list of records, [{"id": 1, …}, …], or one record per line.`);
	const lists = recordLists(doc);
	const filled = lists.filter((l) => l.list.length > 0);
	if (filled.length > 1) {
		throw new Error(`${fileName} holds several lists of records (${filled.map((l) => `"${l.path}"`).join(', ')}); save the one to analyse as a file of its own.`);
	}
	if (filled.length === 1) {
		const [{ path, list }] = filled;
		const others = Object.keys(doc).filter((k) => k !== path.split('.')[0]);
		return { items: list, note: W.recordsUnder(list.length, path, others.map((k) => `"${k}"`).join(', ')) };
	}
	if (lists.length > 0 && Object.keys(doc).length === 1) return { items: [] };
	return { items: [doc], note: 'The file holds one record: it is read as a table of one row.' };
}

function addItems(items: unknown[], fileName: string, columns: RecordColumns): string | undefined {
	const records = items.filter(isRecord).length;
	if (records === items.length) {
		for (const item of items) columns.add(item as JsonRecord);
		return undefined;
	}
	if (records > 0) {
		const at = items.findIndex((v) => !isRecord(v));
		throw new Error(`${fileName}: item ${(at + 1).toLocaleString('en-US')} of the list is ${kindOf(items[at])}, not a record like the others.`);
	}
	// A plain list (of e-mails, ids …) is still data: one column.
	for (const value of items) columns.add({ value });
	return 'The file holds a list of values, not records: they are read as one column, "value".';
}

/** `text` (a JSON or NDJSON file) as a table, with notes on how it was read. Throws, in words, what cannot be read. */
export function readJson(text: string, fileName: string): { table: ImportedTable; notes: string[] } {
	const body = text.replace(/^\uFEFF/, '');
	if (!body.trim()) throw new Error(`${fileName} is empty: there are no records to read.`);
	const columns = new RecordColumns();
	const notes: string[] = [];
	// A first line that is a whole record, with more lines after it, can only be NDJSON (bad lines
	// further down are then named by number). A file of one line is read as a document, so that a
	// one-line `{"data": […]}` still finds its list.
	const lines = firstLines(body, 2);
	if (lines.length > 1 && looksLikeNdjson(lines[0].text)) readNdjson(body, fileName, columns);
	else {
		let doc: unknown;
		try {
			doc = parseJson(body);
		} catch (e) {
			throw new Error(`${fileName} is not valid JSON (${parseProblem(e, body)}).`);
		}
		const { items, note } = documentRecords(doc, fileName);
		if (note) notes.push(note);
		const valuesNote = addItems(items, fileName, columns);
		if (valuesNote) notes.push(valuesNote);
	}
	if (columns.rowCount === 0) throw new Error(`${fileName} holds no records: the list is empty.`);
	const read = columns.columnsRead();
	if (read.length === 0) throw new Error(`${fileName}: the records have no fields, so there is no column to make.`);
	if (columns.beyondInt64) {
		notes.push(W.bigIntegers(columns.beyondInt64));
	}
	return { table: { columns: read }, notes };
}
