import { COLUMN_TYPES, DEFAULT_CSV_OPTIONS, type CsvOptions } from '$lib/clients/data';
import { isString, type CellDefinition } from '../types';

/** A data cell: one file imported as a DuckDB table; the bytes are kept in OPFS under `fileKey`. */
export interface DataParams {
	fileKey: string;
	fileName: string;
	table: string;
	options: CsvOptions;
	/**
	 * Why the file was refused, when it was: its bytes are then not kept, so after
	 * a reload the cell says this again instead of "no longer in this browser's storage".
	 */
	refused?: string;
}

export const dataCell: CellDefinition<DataParams> = {
	type: 'data',
	label: 'Data',
	defaults: () => ({ fileKey: '', fileName: '', table: '', options: { ...DEFAULT_CSV_OPTIONS } }),
	check: (p) => {
		if (!isString(p.fileKey) || !isString(p.fileName) || !isString(p.table)) return 'its file or table name is missing';
		if (typeof p.options !== 'object' || p.options === null) return 'its reading options are missing';
		const chosen = (p.options as CsvOptions).columnTypes;
		if (chosen !== undefined && (typeof chosen !== 'object' || chosen === null || !Object.values(chosen).every((t) => (COLUMN_TYPES as readonly unknown[]).includes(t)))) {
			return `its column types are not among ${COLUMN_TYPES.join(', ')}`;
		}
		if (p.refused !== undefined && !isString(p.refused)) return 'its refusal note is not text';
		return null;
	},
	reads: () => [],
	writes: (p) => (p.table ? [p.table] : []),
	phase: 'load',
	keeps: (p) => ({ files: [p.fileKey].filter(Boolean) })
};
