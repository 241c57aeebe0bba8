/**
 * The record of processing: what a notebook did with data, step by step, in
 * the spirit of the GDPR's record of processing activities (art. 30):
 * datasets loaded (with the personal data found in them), transformations,
 * models fitted, exports. It lives in the document, so it is saved, exported
 * and deleted with its notebook.
 *
 * Opening a notebook re-runs its cells; a step identical to the last one
 * recorded for the same cell (same settings, same tables) is not written
 * again, so the record grows with what changed, not with every visit.
 */

export type ProcessingKind = 'dataset' | 'transformation' | 'model' | 'export' | 'import';

export const PROCESSING_KINDS: readonly ProcessingKind[] = ['dataset', 'transformation', 'model', 'export', 'import'];

/** A table or view a step wrote, as it was then. */
export interface RecordedTable {
	name: string;
	rows: number;
	columns: string[];
	/** Columns holding personal data, by kind ("email", "phone", …); absent when not looked at. */
	personal?: { column: string; kind: string }[];
}

export interface ProcessingEntry {
	/** ISO 8601 timestamp. */
	at: string;
	kind: ProcessingKind;
	/** The cell that did it ('' for the notebook itself: an export of the notebook, an import). */
	cellId: string;
	/** The cell's name then, or the file's for an export. */
	subject: string;
	/** What it did, in one sentence, in the language of the interface when it ran. */
	summary: string;
	/** The code it ran (a SQL cell's query), when it has one. */
	code?: string;
	reads?: string[];
	writes?: RecordedTable[];
	/** A file read or written, with its size. */
	file?: { name: string; bytes: number };
	/**
	 * What makes a step the same as an earlier one (settings and table
	 * shapes); internal, never shown.
	 */
	signature: string;
}

/** More than a long study needs; beyond it the oldest steps go and `dropped` counts them. */
export const RECORD_LIMIT = 5000;

export interface ProcessingRecord {
	entries: ProcessingEntry[];
	/** Steps removed because the record was full (oldest first). */
	dropped: number;
}

export function emptyRecord(): ProcessingRecord {
	return { entries: [], dropped: 0 };
}

/** The signature of the last step of `kind` taken by cell `cellId` ('' when none). */
export function lastSignature(record: ProcessingRecord | undefined, cellId: string, kind: ProcessingKind): string {
	return record?.entries.findLast((e) => e.cellId === cellId && e.kind === kind)?.signature ?? '';
}

/**
 * `record` with `entry` appended; `record` itself when the last step of the
 * same kind for the same cell has the same signature (a re-run that changed
 * nothing), unless `force` (a model fitted again on changed data has the same
 * settings). Exports and imports are always recorded: each is a new copy.
 */
export function appendEntry(record: ProcessingRecord, entry: ProcessingEntry, force = false, limit = RECORD_LIMIT): ProcessingRecord {
	if (!force && entry.cellId && lastSignature(record, entry.cellId, entry.kind) === entry.signature) return record;
	const entries = [...record.entries, entry];
	const over = Math.max(0, entries.length - limit);
	return { entries: entries.slice(over), dropped: record.dropped + over };
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);

function readTable(raw: unknown): RecordedTable | null {
	if (!isRecord(raw) || !isText(raw.name) || typeof raw.rows !== 'number' || !isTextList(raw.columns)) return null;
	const table: RecordedTable = { name: raw.name, rows: raw.rows, columns: raw.columns };
	if (Array.isArray(raw.personal)) {
		table.personal = raw.personal.filter((p): p is { column: string; kind: string } => isRecord(p) && isText(p.column) && isText(p.kind)).map((p) => ({ column: p.column, kind: p.kind }));
	}
	return table;
}

/** One stored step, or null when it is not one (a damaged or hand-edited file). */
function readEntry(raw: unknown): ProcessingEntry | null {
	if (!isRecord(raw)) return null;
	const { at, kind, cellId, subject, summary, signature } = raw;
	if (!isText(at) || Number.isNaN(Date.parse(at)) || !PROCESSING_KINDS.includes(kind as ProcessingKind)) return null;
	if (!isText(cellId) || !isText(subject) || !isText(summary) || !isText(signature)) return null;
	const entry: ProcessingEntry = { at, kind: kind as ProcessingKind, cellId, subject, summary, signature };
	if (isText(raw.code)) entry.code = raw.code;
	if (isTextList(raw.reads)) entry.reads = raw.reads;
	if (Array.isArray(raw.writes)) entry.writes = raw.writes.map(readTable).filter((t): t is RecordedTable => t !== null);
	if (isRecord(raw.file) && isText(raw.file.name) && typeof raw.file.bytes === 'number') entry.file = { name: raw.file.name, bytes: raw.file.bytes };
	return entry;
}

/**
 * The record stored in a document (absent in one written before records
 * existed: an empty record). Steps that cannot be read are left out and
 * counted in `unreadable`, so the caller can say so.
 */
export function readRecord(raw: unknown): { record: ProcessingRecord; unreadable: number } {
	if (raw === undefined) return { record: emptyRecord(), unreadable: 0 };
	if (!isRecord(raw) || !Array.isArray(raw.entries)) return { record: emptyRecord(), unreadable: 1 };
	const entries = raw.entries.map(readEntry);
	const kept = entries.filter((e): e is ProcessingEntry => e !== null);
	const dropped = typeof raw.dropped === 'number' && raw.dropped >= 0 ? raw.dropped : 0;
	return { record: { entries: kept, dropped }, unreadable: entries.length - kept.length };
}
