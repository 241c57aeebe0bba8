/**
 * Files dropped or picked but not yet imported, by the data cell's file key.
 * A File cannot live in the notebook document, so the page hands it to the
 * new data cell through this map; the cell takes it on its first run.
 */
const pending = new Map<string, File>();

export function holdFile(fileKey: string, file: File): void {
	pending.set(fileKey, file);
}

export function takeFile(fileKey: string): File | undefined {
	const file = pending.get(fileKey);
	pending.delete(fileKey);
	return file;
}

/** What the file pickers offer: CSV/TSV text, workbooks, Parquet and JSON (NDJSON / JSON Lines too). */
export const DATA_FILES = '.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods,.parquet,.json,.ndjson,.jsonl,text/csv,text/tab-separated-values,application/json';
