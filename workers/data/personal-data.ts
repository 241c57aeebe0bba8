/**
 * The profile's personal data pass: a sample of each column's distinct values
 * (as text) read by SQL and handed to the detectors, so every profiled table
 * says which columns hold e-mails, phones, names, addresses, birth dates,
 * national ids, bank or card numbers, IP addresses, or free text with any of them.
 */
import type { ColumnProfile, PersonalColumn, ProgressFn } from './api';
import type { Db } from './db';
import { detectPersonalData } from './pii';
import { columnsOf } from './relations';
import { quoteIdent } from './sql-quote';
import { firstRow, num } from './values';

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
		const values = sampledValues(db, from, p.name);
		p.personal = detectPersonalData({ name: p.name, type: p.type, values, distinctRatio: p.distinct / Math.max(1, rowCount - p.missing) });
	});
}

/** Ordered by hash: a spread-out pick of the distinct values, the same on every run. */
function sampledValues(db: Db, from: string, name: string): string[] {
	const column = quoteIdent(name);
	return db
		.query(`SELECT v FROM (SELECT DISTINCT CAST(${column} AS VARCHAR) AS v FROM ${from} WHERE ${column} IS NOT NULL) ORDER BY hash(v), v LIMIT ${SAMPLE}`)
		.toArray()
		.map((r) => String(r.v));
}

/**
 * The personal data of `relation` without the rest of a profile (the record
 * of processing notes it for every table a notebook loads or makes): one
 * pass for the counts, then the same sample and detectors as the profile.
 */
export function personalColumns(db: Db, relation: string): PersonalColumn[] {
	const from = quoteIdent(relation);
	const columns = columnsOf(db, relation).filter((c) => c.type !== 'BOOLEAN');
	if (!columns.length) return [];
	const counts = columns.map((c, k) => `approx_count_distinct(${quoteIdent(c.name)}) AS d${k}, count(${quoteIdent(c.name)}) AS n${k}`);
	const row = firstRow(db.query(`SELECT ${counts.join(', ')} FROM ${from}`));
	return columns.flatMap((c, k) => {
		const present = num(row[`n${k}`]);
		if (present === 0) return [];
		const values = sampledValues(db, from, c.name);
		const flag = detectPersonalData({ name: c.name, type: c.type, values, distinctRatio: num(row[`d${k}`]) / present });
		return flag ? [{ column: c.name, ...flag }] : [];
	});
}
