/**
 * Writes a scored table back to DuckDB: the source rows (in scan order, as
 * `exportArrow` sent them) side by side with the prediction columns that
 * came back from the training worker as Arrow bytes.
 */
import { Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import type { Db } from './db';
import { columnsOf, describeRelation } from './relations';
import { quoteIdent } from './sql-quote';
import type { TableInfo } from './api';

const SCORES = '__scores';

/** Prediction columns as plain arrays; they are turned into Arrow here, in the worker. */
export type ScoreColumns = Record<string, Float64Array | string[]>;

/**
 * Arrow bytes of the prediction columns plus the row number that lines them up with the source.
 * Vectors are made straight from their buffers: Arrow's builders (`tableFromArrays`) compile
 * a null check with `new Function`, which the Content-Security-Policy refuses in workers too.
 */
export function scoresToIpc(columns: ScoreColumns): Uint8Array {
	const rows = Object.values(columns)[0]?.length ?? 0;
	const vectors: Record<string, Vector> = { __row: makeVector(makeData({ type: new Int32(), data: Int32Array.from({ length: rows }, (_, i) => i) })) };
	for (const [name, values] of Object.entries(columns)) {
		if (values.length !== rows) throw new Error(`invalid score column ${name}: ${values.length} values for ${rows} rows`);
		// Two calls, not one on a union: makeVector's overloads take one Data type at a time.
		vectors[name] = values instanceof Float64Array ? makeVector(makeData({ type: new Float64(), data: values })) : makeVector(utf8Data(values));
	}
	return tableToIPC(new Table(vectors), 'stream');
}

/** A UTF-8 Arrow column from strings: one byte buffer and its offsets. */
function utf8Data(values: string[]) {
	const encoder = new TextEncoder();
	const encoded = values.map((v) => encoder.encode(v));
	const valueOffsets = new Int32Array(values.length + 1);
	encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i] + bytes.length));
	const data = new Uint8Array(valueOffsets[values.length]);
	encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]));
	return makeData({ type: new Utf8(), data, valueOffsets });
}

/** A prediction column as written: NaN becomes NULL in number columns. */
function missingAsNull(column: string, isDouble: boolean): string {
	const c = `p.${quoteIdent(column)}`;
	return isDouble ? `CASE WHEN isnan(${c}) THEN NULL ELSE ${c} END AS ${quoteIdent(column)}` : c;
}

export function writeScored(db: Db, source: string, outName: string, predictionsIpc: Uint8Array): TableInfo {
	const sourceColumns = new Set(columnsOf(db, source).map((c) => c.name.toLowerCase()));
	db.query(`DROP TABLE IF EXISTS ${SCORES}`);
	db.conn.insertArrowFromIPCStream(predictionsIpc, { name: SCORES, create: true });
	try {
		const added = columnsOf(db, SCORES)
			.map((c) => c.name)
			.filter((name) => name !== '__row');
		// A source that already has the score columns (scored twice) keeps the new values only.
		const kept = columnsOf(db, source)
			.map((c) => c.name)
			.filter((name) => !added.some((a) => a.toLowerCase() === name.toLowerCase()));
		// NaN marks a prediction a row has none of (a customer left out): NULL in SQL, as every missing value.
		const doubles = new Set(columnsOf(db, SCORES).filter((c) => c.type === 'DOUBLE').map((c) => c.name));
		if (sourceColumns.has('__row')) throw new Error('The table to score has a column named "__row"; rename it first.');
		db.query(
			`CREATE OR REPLACE TABLE ${quoteIdent(outName)} AS
			 SELECT ${[...kept.map((c) => `s.${quoteIdent(c)}`), ...added.map((c) => missingAsNull(c, doubles.has(c)))].join(', ')}
			 FROM (SELECT *, row_number() OVER () - 1 AS __row FROM ${quoteIdent(source)}) s
			 JOIN ${SCORES} p ON s.__row = p.__row
			 ORDER BY s.__row`
		);
	} finally {
		db.query(`DROP TABLE IF EXISTS ${SCORES}`);
	}
	return describeRelation(db, outName);
}
