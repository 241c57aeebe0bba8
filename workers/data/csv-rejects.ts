/**
 * The rows DuckDB left out of a `read_csv(…, ignore_errors=true)`, read from
 * its rejects table (`store_rejects=true`), one entry per line. This works
 * under the lockdown: the rejects tables are temporary tables, not files.
 */
import type { Db } from './db';
import { num } from './values';

export const REJECTS = '__import_rejects';
const SCANS = '__import_scans';

/** `read_csv` options that record each row left out in the rejects table. */
export const STORE_REJECTS = `store_rejects=true, rejects_table='${REJECTS}', rejects_scan='${SCANS}'`;

/** One error DuckDB found on a line. */
export interface RejectError {
	/** DuckDB's error type: 'CAST', 'TOO MANY COLUMNS', 'MISSING COLUMNS', 'UNQUOTED VALUE', … */
	type: string;
	column: string | null;
	/** For CAST: the type the value did not fit, e.g. 'BIGINT'. */
	expected: string | null;
}

/** A line DuckDB left out, with every error it found there. */
export interface RejectedLine {
	/** DuckDB's line: records counted from 1, header and blank lines included. */
	ordinal: number;
	errors: RejectError[];
}

const CAST_TO = /Could not convert string "(?:[^"]|"")*" to '([^']+)'/;

/** Lines in the rejects table, in file order. */
export function readRejects(db: Db): RejectedLine[] {
	const rows = db.raw(`SELECT line, error_type, column_name, error_message FROM temp.${REJECTS} ORDER BY line, column_idx NULLS LAST`).toArray();
	const lines = new Map<number, RejectedLine>();
	for (const r of rows) {
		const ordinal = num(r.line);
		const line = lines.get(ordinal) ?? { ordinal, errors: [] };
		lines.set(ordinal, line);
		line.errors.push({
			type: String(r.error_type),
			column: r.column_name == null ? null : String(r.column_name),
			expected: CAST_TO.exec(String(r.error_message ?? ''))?.[1] ?? null
		});
	}
	return [...lines.values()];
}

/** Drops the rejects tables (they are per connection, and the next import makes its own). */
export function dropRejects(db: Db): void {
	db.raw(`DROP TABLE IF EXISTS temp.${REJECTS}; DROP TABLE IF EXISTS temp.${SCANS};`);
}
