import { DEFAULT_CSV_OPTIONS, type CsvOptions } from '$workers/data/api';
import { isString, type CellDefinition } from '../types';

/** A data cell: one file imported as a DuckDB table; the bytes are kept in OPFS under `fileKey`. */
export interface DataParams {
	fileKey: string;
	fileName: string;
	table: string;
	options: CsvOptions;
}

export const dataCell: CellDefinition<DataParams> = {
	type: 'data',
	label: 'Data',
	defaults: () => ({ fileKey: '', fileName: '', table: '', options: { ...DEFAULT_CSV_OPTIONS } }),
	check: (p) => {
		if (!isString(p.fileKey) || !isString(p.fileName) || !isString(p.table)) return 'its file or table name is missing';
		if (typeof p.options !== 'object' || p.options === null) return 'its reading options are missing';
		return null;
	},
	reads: () => [],
	writes: (p) => (p.table ? [p.table] : []),
	phase: 'load',
	keeps: (p) => ({ files: [p.fileKey].filter(Boolean) })
};
