/**
 * Parquet files read in JavaScript. DuckDB-WASM reads Parquet only through
 * its parquet extension, which it would download from another host: the
 * lockdown forbids that, so hyparquet decodes the file here and the columns
 * reach DuckDB through `importTable`.
 *
 * hyparquet and its decompressors are loaded on the first Parquet file only,
 * so a session that never opens one never downloads them. Neither compiles
 * code at run time (the workers' CSP forbids `eval`); the Snappy decoder is
 * WebAssembly, which the CSP allows.
 */
import type { AsyncBuffer, FileMetaData, ParquetParsers, SchemaTree } from 'hyparquet';
import { count } from '../import-notes';
import { W } from './reader-notes';
import type { ImportedColumn, ImportedTable } from './imported-table';
import { assertParquetBytes, assertReadableCodecs, damaged } from './parquet-check';
import { importedColumn, type ColumnTally } from './parquet-columns';

/** Parquet types hyparquet does not decode: such a column is left out (named in a note), not the whole file. */
const UNREADABLE_TYPES = new Set(['INTERVAL', 'BSON']);

/** a / b rounded down (BigInt division rounds toward zero, which would move times before 1970 forward). */
const floorDiv = (a: bigint, b: bigint) => (a % b < 0n ? a / b - 1n : a / b);

/**
 * Dates and times as UTC instants, rounded down to the millisecond a JS Date
 * holds; JSON columns kept as their text (a table cell), not parsed.
 */
const PARSERS: Partial<ParquetParsers> = {
	timestampFromMilliseconds: (ms: bigint) => new Date(Number(ms)),
	timestampFromMicroseconds: (us: bigint) => new Date(Number(floorDiv(us, 1_000n))),
	timestampFromNanoseconds: (ns: bigint) => new Date(Number(floorDiv(ns, 1_000_000n))),
	jsonFromBytes: (bytes: Uint8Array | undefined) => bytes && new TextDecoder().decode(bytes)
};

const unreadable = (node: SchemaTree): string | undefined => {
	const type = node.element.converted_type;
	return type && UNREADABLE_TYPES.has(type) ? type : node.children.map(unreadable).find(Boolean);
};

/** Byte ranges of `bytes` as hyparquet asks for them (copies of the slices, never of the whole file). */
const asyncBuffer = (bytes: Uint8Array): AsyncBuffer => ({ byteLength: bytes.byteLength, slice: (start, end) => bytes.slice(start, end).buffer });

function tallyNotes(tally: ColumnTally, leftOut: string[]): string[] {
	const names = (list: string[]) => list.map((n) => `"${n}"`).join(', ');
	const notes: string[] = [];
	if (leftOut.length) notes.push(W.columnsLeftOut(leftOut.join(', ')));
	if (tally.utc.length) notes.push(W.utcTimes(names(tally.utc)));
	if (tally.emptiedDates) notes.push(`${count(tally.emptiedDates, 'date lies', 'dates lie')} beyond the years a date can hold here (such as "infinity") and ${tally.emptiedDates === 1 ? 'is' : 'are'} left empty.`);
	if (tally.beyondInt64) notes.push(W.bigIntegers(tally.beyondInt64));
	if (tally.binary.length) notes.push(`${names(tally.binary)} ${tally.binary.length === 1 ? 'holds' : 'hold'} binary data, not text; it is shown as DuckDB shows bytes (\\xFF).`);
	return notes;
}

/** `bytes` (a Parquet file) as a table, with notes on what was changed; throws, in words naming the file, what cannot be read. */
export async function readParquet(bytes: Uint8Array, fileName: string): Promise<{ table: ImportedTable; notes: string[] }> {
	assertParquetBytes(bytes, fileName);
	const [{ parquetMetadataAsync, parquetScan, parquetSchema }, { compressors }] = await Promise.all([import('hyparquet'), import('hyparquet-compressors')]);
	const file = asyncBuffer(bytes);
	let metadata: FileMetaData;
	try {
		metadata = await parquetMetadataAsync(file);
	} catch (e) {
		throw damaged(fileName, e);
	}
	assertReadableCodecs(metadata, fileName);
	const top = parquetSchema(metadata).children;
	const leftOut = top.filter(unreadable).map((n) => `"${n.element.name}" (${unreadable(n)})`);
	const readable = top.filter((n) => !unreadable(n));
	const tally: ColumnTally = { emptiedDates: 0, beyondInt64: 0, binary: [], utc: [] };
	const columns: ImportedColumn[] = [];
	try {
		// utf8: false keeps bytes not marked as text as bytes, so binary columns are told apart from text.
		const scan = await parquetScan({ file, metadata, compressors, parsers: PARSERS, utf8: false, columns: readable.map((n) => n.element.name) });
		for (const node of readable) {
			const raw: unknown[] = [];
			for (const range of scan.ranges) {
				const part = await scan.readColumn({ column: node.element.name, ...range });
				for (let i = 0; i < part.length; i++) raw.push(part[i]);
			}
			columns.push(importedColumn(node, raw, tally));
		}
	} catch (e) {
		throw damaged(fileName, e);
	}
	return { table: { columns }, notes: tallyNotes(tally, leftOut) };
}
