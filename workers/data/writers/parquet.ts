/**
 * Tables written as Parquet, the format data teams load straight into
 * pandas, Spark, BigQuery or Power BI with its types: DuckDB-WASM writes
 * Parquet only through an extension it would download from another host,
 * which the lockdown forbids, so hyparquet-writer writes it here.
 *
 * Loaded on the first Parquet export only; Snappy-compressed (the usual
 * default, read everywhere), every column nullable.
 */
import type { ColumnSource, SchemaElement } from 'hyparquet-writer';
import type { ExportColumn } from './export-column';
import { parquetColumnType } from './parquet-types';

/** `columns` as the bytes of a Parquet file. */
export async function toParquet(columns: ExportColumn[]): Promise<Uint8Array> {
	if (columns.length === 0) throw new Error('A Parquet file needs at least one column.');
	const rows = columns[0].values.length;
	const uneven = columns.find((c) => c.values.length !== rows);
	if (uneven) throw new Error(`Parquet export: column "${uneven.name}" has ${uneven.values.length} values for ${rows} rows.`);
	const { parquetWriteBuffer } = await import('hyparquet-writer');
	const types = columns.map((c) => parquetColumnType(c.type));
	const schema: SchemaElement[] = [
		{ name: 'root', num_children: columns.length },
		...columns.map((c, i): SchemaElement => ({ name: c.name, repetition_type: 'OPTIONAL', ...types[i].element }))
	];
	const columnData: ColumnSource[] = columns.map((c, i) => ({
		name: c.name,
		data: c.values.map((v) => (v === null ? null : types[i].store(v)))
	}));
	return new Uint8Array(parquetWriteBuffer({ columnData, schema, codec: 'SNAPPY' }));
}
