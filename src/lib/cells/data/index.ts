import { COLUMN_TYPES, DEFAULT_CSV_OPTIONS, type CsvOptions } from '$lib/clients/data';
import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';

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

/** Reading options: an object whose chosen column types, if any, are among DuckDB's. */
function optionsProblem(options: unknown): string | null {
	if (typeof options !== 'object' || options === null) return 'its reading options are missing';
	const chosen = (options as CsvOptions).columnTypes;
	if (chosen !== undefined && (typeof chosen !== 'object' || chosen === null || !Object.values(chosen).every((t) => (COLUMN_TYPES as readonly unknown[]).includes(t)))) {
		return `its column types are not among ${COLUMN_TYPES.join(', ')}`;
	}
	const max = (options as CsvOptions).maxBytes;
	if (max !== undefined && !(typeof max === 'number' && Number.isFinite(max) && max > 0)) return `its size limit is not a positive number: ${String(max)}`;
	return null;
}

export const dataCell = defineCell<DataParams>({
	type: 'data',
	label: () => M.label,
	// Its button opens the file picker (`fromFile`): a data cell starts from a file.
	add: { text: () => M.add, order: 1 },
	params: {
		fileKey: param.text('', { name: 'file key' }),
		fileName: param.text('', { name: 'file name' }),
		table: param.text('', { name: 'table name' }),
		options: param.custom(() => ({ ...DEFAULT_CSV_OPTIONS }), optionsProblem),
		refused: param.optional(param.text('', { name: 'refusal note' }))
	},
	fromFile: ({ fileKey, fileName, table }) => ({ fileKey, fileName, table }),
	describe: (p) => ({ summary: M.action(p.fileName, p.table) }),
	processing: 'dataset',
	reads: () => [],
	writes: (p) => (p.table ? [p.table] : []),
	phase: 'load',
	keeps: (p) => ({ files: [p.fileKey].filter(Boolean) })
});
