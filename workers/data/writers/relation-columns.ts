/**
 * A table or view read out of DuckDB for an exporter (XLSX, Parquet), column
 * by column with values JavaScript holds exactly: 64-bit integers as BigInt
 * (read through text, so none is rounded), dates and date-times as Date (UTC),
 * decimals as numbers, anything exotic (lists, structs, intervals) as text.
 */
import type { Db } from '../db';
import { columnsOf } from '../relations';
import { quoteIdent } from '../sql-quote';
import type { ExportColumn, ExportValue } from './export-column';

type Kind = 'number' | 'bigint' | 'boolean' | 'date' | 'timestamp' | 'text';

function kindOf(type: string): Kind {
	const t = type.toUpperCase();
	if (/^(BIGINT|UBIGINT|HUGEINT|UHUGEINT)$/.test(t)) return 'bigint';
	if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER|FLOAT|DOUBLE|REAL|DECIMAL|NUMERIC)/.test(t)) return 'number';
	if (t === 'BOOLEAN') return 'boolean';
	if (t === 'DATE') return 'date';
	if (t.startsWith('TIMESTAMP')) return 'timestamp';
	return 'text';
}

/** The SQL that reads a column of `kind` in a form Arrow hands to JavaScript without loss. */
function readExpression(name: string, kind: Kind): string {
	const c = quoteIdent(name);
	switch (kind) {
		case 'bigint':
		case 'text':
			return `CAST(${c} AS VARCHAR)`;
		case 'number':
			return `CAST(${c} AS DOUBLE)`;
		case 'date':
		case 'timestamp':
			return `CAST(epoch_ms(CAST(${c} AS TIMESTAMP)) AS DOUBLE)`;
		default:
			return c;
	}
}

const EXPORT_TYPE: Record<Kind, (type: string) => string> = {
	bigint: () => 'BIGINT',
	number: (t) => (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER)$/i.test(t) ? 'INTEGER' : 'DOUBLE'),
	boolean: () => 'BOOLEAN',
	date: () => 'DATE',
	timestamp: () => 'TIMESTAMP',
	text: () => 'VARCHAR'
};

function toValue(raw: unknown, kind: Kind): ExportValue {
	if (raw === null || raw === undefined) return null;
	switch (kind) {
		case 'bigint':
			return BigInt(String(raw));
		case 'date':
		case 'timestamp':
			return new Date(Number(raw));
		case 'boolean':
			return Boolean(raw);
		case 'number':
			return Number(raw);
		default:
			return String(raw);
	}
}

export function relationColumns(db: Db, relation: string): ExportColumn[] {
	const columns = columnsOf(db, relation).map((c) => ({ ...c, kind: kindOf(c.type) }));
	if (!columns.length) return [];
	const select = columns.map((c, i) => `${readExpression(c.name, c.kind)} AS c${i}`).join(', ');
	const table = db.query(`SELECT ${select} FROM ${quoteIdent(relation)}`);
	return columns.map((c, i) => {
		const vector = table.getChildAt(i)!;
		const values: ExportValue[] = new Array(table.numRows);
		for (let r = 0; r < table.numRows; r++) values[r] = toValue(vector.get(r), c.kind);
		return { name: c.name, type: EXPORT_TYPE[c.kind](c.type), values };
	});
}
