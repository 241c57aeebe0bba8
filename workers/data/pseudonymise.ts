/**
 * Pseudonymisation and minimisation of a customer table into a new one, each
 * column kept, replaced by a keyed token (HMAC-SHA-256 with the notebook's
 * secret, so one customer gets one token in every table and joins still work),
 * masked, generalised (dates to month, numbers to bands of ten, codes to their
 * first two characters, postcodes to their department) or dropped; and the k-anonymity of chosen columns.
 */
import type { KAnonymity, PseudonymiseRequest, PseudonymiseResult } from './api';
import type { Db } from './db';
import { fail } from './errors';
import { headerKind } from './pii';
import { columnsOf, describeRelation } from './relations';
import { scoresToIpc } from './scores';
import { quoteIdent } from './sql-quote';
import { firstRow, num } from './values';
import { PW } from './purchase-words';

/** Hex characters of a token: 80 bits, no collision in any customer table. */
const TOKEN_HEX = 20;

/** HMAC-SHA-256 of each value with `secretHex` (WebCrypto), as `tok_` + hex: stable for one secret, unrelated across secrets. */
export async function hmacTokens(secretHex: string, values: string[]): Promise<string[]> {
	if (!/^[0-9a-f]{32,}$/i.test(secretHex)) fail('invalid secret: expected at least 32 hexadecimal characters');
	const key = await crypto.subtle.importKey('raw', Uint8Array.from(secretHex.match(/../g)!, (h) => parseInt(h, 16)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	const encoder = new TextEncoder();
	return Promise.all(
		values.map(async (v) => {
			const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(v)));
			return `tok_${Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('').slice(0, TOKEN_HEX)}`;
		})
	);
}

/**
 * The SQL that generalises `value` (an expression over column `column` of DuckDB type `type`):
 * postcodes to their first two digits, dates to year-month, numbers to bands of ten (ages, sizes),
 * other text to its first two characters.
 */
export function generaliseSql(value: string, column: string, type: string): string {
	const numeric = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL)/i.test(type);
	// A postcode read as a number lost its leading zero (01000 → 1000): padded back before it is cut.
	if (headerKind(column) === 'postcode') return `CASE WHEN ${value} IS NULL THEN NULL ELSE left(${numeric ? `lpad(CAST(${value} AS VARCHAR), 5, '0')` : `CAST(${value} AS VARCHAR)`}, 2) || '***' END`;
	if (/^(DATE|TIMESTAMP)/i.test(type)) return `strftime(${value}, '%Y-%m')`;
	if (numeric) {
		const low = `CAST(floor(${value} / 10) * 10 AS BIGINT)`;
		return `CASE WHEN ${value} IS NULL THEN NULL ELSE CAST(${low} AS VARCHAR) || '–' || CAST(${low} + 9 AS VARCHAR) END`;
	}
	return `CASE WHEN ${value} IS NULL THEN NULL ELSE left(CAST(${value} AS VARCHAR), 2) || '***' END`;
}

/** The SQL that masks `value`: its first character, then stars. */
export function maskSql(value: string): string {
	return `CASE WHEN ${value} IS NULL THEN NULL ELSE left(CAST(${value} AS VARCHAR), 1) || '***' END`;
}

/** Smallest group and unique rows over `columns` of `relation` (k-anonymity: k = the smallest group). */
export function kAnonymity(db: Db, relation: string, columns: string[]): KAnonymity | null {
	if (!columns.length) return null;
	const keys = columns.map(quoteIdent).join(', ');
	const row = firstRow(db.query(`SELECT min(n) AS k, count(*) FILTER (WHERE n = 1) AS unique_rows, count(*) AS groups FROM (SELECT count(*) AS n FROM ${quoteIdent(relation)} GROUP BY ${keys})`));
	return { columns: [...columns], k: num(row.k), uniqueRows: num(row.unique_rows), groups: num(row.groups) };
}

export async function pseudonymise(db: Db, request: PseudonymiseRequest): Promise<PseudonymiseResult> {
	const { source, outName } = request;
	if (!outName || outName.toLowerCase() === source.toLowerCase()) fail(PW.pseudonymName(source));
	const columns = columnsOf(db, source);
	const selected: string[] = [];
	const maps: string[] = [];
	const joins: string[] = [];
	try {
		for (const column of columns) {
			const action = request.actions[column.name] ?? 'keep';
			const c = quoteIdent(column.name);
			const value = `s.${c}`;
			if (action === 'drop') continue;
			if (action === 'keep') selected.push(value);
			else if (action === 'mask') selected.push(`${maskSql(value)} AS ${c}`);
			else if (action === 'generalise') selected.push(`${generaliseSql(value, column.name, column.type)} AS ${c}`);
			else if (action === 'token') {
				const values = db
					.query(`SELECT DISTINCT CAST(${c} AS VARCHAR) AS v FROM ${quoteIdent(source)} WHERE ${c} IS NOT NULL`)
					.toArray()
					.map((r) => String(r.v));
				const map = `__tokens_${maps.length}`;
				db.query(`DROP TABLE IF EXISTS ${map}`);
				db.conn.insertArrowFromIPCStream(scoresToIpc({ value: values, token: await hmacTokens(request.secret, values) }), { name: map, create: true });
				maps.push(map);
				joins.push(`LEFT JOIN ${map} ON ${map}.value = CAST(${value} AS VARCHAR)`);
				selected.push(`${map}.token AS ${c}`);
			} else fail(`invalid action for ${column.name}: ${action}`);
		}
		if (!selected.length) fail(PW.allDropped);
		db.query(`CREATE OR REPLACE TABLE ${quoteIdent(outName)} AS SELECT ${selected.join(', ')} FROM (SELECT *, row_number() OVER () AS __order FROM ${quoteIdent(source)}) s ${joins.join(' ')} ORDER BY s.__order`);
	} finally {
		for (const map of maps) db.query(`DROP TABLE IF EXISTS ${map}`);
	}
	return { info: describeRelation(db, outName), kAnonymity: kAnonymity(db, outName, request.quasiIdentifiers.filter((q) => (request.actions[q] ?? 'keep') !== 'drop')) };
}
