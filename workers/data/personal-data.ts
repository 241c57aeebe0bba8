/**
 * The profile's personal data pass: a sample of each column's distinct values
 * (as text) read by SQL and handed to the detectors, so every profiled table
 * says which columns hold e-mails, phones, names, addresses, birth dates,
 * national ids, bank or card numbers, IP addresses, or free text with any of them.
 */
import type { ColumnProfile, ProgressFn } from './api';
import type { Db } from './db';
import { detectPersonalData } from './pii';
import { quoteIdent } from './sql-quote';

/** Distinct values read per column: enough for a share of matches to mean something, small enough to stay quick. */
const SAMPLE = 500;

/** Sets `personal` on every profiled column of `from` (null: nothing personal seen). */
export function personalDataPass(db: Db, from: string, profiles: ColumnProfile[], rowCount: number, onProgress?: ProgressFn, at = 0, share = 0): void {
	profiles.forEach((p, k) => {
		onProgress?.({ stage: `Personal data in ${p.name}`, fraction: at + (share * k) / Math.max(1, profiles.length) });
		if (p.distinct === 0 || p.kind === 'boolean') {
			p.personal = null;
			return;
		}
		const column = quoteIdent(p.name);
		// Ordered by hash: a spread-out pick of the distinct values, the same on every run.
		const values = db
			.query(`SELECT v FROM (SELECT DISTINCT CAST(${column} AS VARCHAR) AS v FROM ${from} WHERE ${column} IS NOT NULL) ORDER BY hash(v), v LIMIT ${SAMPLE}`)
			.toArray()
			.map((r) => String(r.v));
		p.personal = detectPersonalData({ name: p.name, type: p.type, values, distinctRatio: p.distinct / Math.max(1, rowCount - p.missing) });
	});
}
