/**
 * The steps of the record of processing (`$lib/notebook/record.ts`), made
 * from what the notebook just did: a cell that ran (by its registry
 * definition: a dataset loaded, a transformation, a model fitted), a file
 * exported, a notebook opened from a file. What the tables look like and the
 * personal data in them is read from the data worker when the step is made.
 */
import { cellKeeps, cellProcessing, cellReads, cellWrites, notebookActions } from '$lib/cells';
import { getData, isDataStarted } from '$lib/clients/data';
import type { NotebookCell, ProcessingEntry, RecordedTable } from '$lib/notebook';
import { R } from './record-messages';

/** A table or view as it is now; null when it does not exist (a model cell that has not scored yet). */
async function tableNow(name: string): Promise<RecordedTable | null> {
	try {
		const info = await getData().describe(name);
		return { name, rows: info.rowCount, columns: info.columns.map((c) => c.name) };
	} catch {
		return null;
	}
}

/**
 * The step cell `cell` just took, or null when it is not recorded: a cell
 * whose type is not processing (a chart), a model cell's run (runs show the
 * kept model; the cell says when it fitted one: `fitted`), or a run that
 * changed nothing since the step `previous` (its signature).
 */
export async function stepOfRun(cell: NotebookCell, options: { fitted?: boolean; previous?: string; now?: Date } = {}): Promise<ProcessingEntry | null> {
	const kind = cellProcessing(cell.type);
	if (!kind || !isDataStarted() || (kind === 'model' && !options.fitted)) return null;
	const action = notebookActions([cell])[0];
	if (!action) return null;
	const written = await Promise.all(cellWrites(cell.type, cell.params).map(tableNow));
	const writes = written.filter((t): t is RecordedTable => t !== null);
	// A run that wrote nothing and ran no code of its own (a pseudonymisation with every column kept) changed no data.
	if (kind !== 'model' && writes.length === 0 && !action.code) return null;
	const signature = JSON.stringify([cell.params, writes.map((t) => [t.name, t.rows, t.columns])]);
	if (!options.fitted && signature === options.previous) return null;
	// The personal data in what a dataset or transformation wrote: the record's main question.
	if (kind !== 'model') for (const t of writes) t.personal = (await getData().personalData(t.name)).map((p) => ({ column: p.column, kind: p.kind }));
	const entry: ProcessingEntry = {
		at: (options.now ?? new Date()).toISOString(),
		kind,
		cellId: cell.id,
		subject: action.name,
		summary: action.summary,
		reads: cellReads(cell.type, cell.params),
		writes,
		signature
	};
	if (action.code) entry.code = action.code;
	const fileKey = cellKeeps(cell.type, cell.params).files[0];
	if (kind === 'dataset' && fileKey) {
		const kept = (await getData().storedFiles()).find((f) => f.key === fileKey);
		entry.file = { name: String(cell.params.fileName ?? fileKey), bytes: kept?.bytes ?? 0 };
	}
	return entry;
}

/** A file the user saved from the notebook (a table as CSV, a chart, the notebook itself). */
export function exportStep(file: { name: string; bytes: number }, now = new Date()): ProcessingEntry {
	return { at: now.toISOString(), kind: 'export', cellId: '', subject: file.name, summary: R.exported(file.name), file, signature: `${file.name}:${file.bytes}` };
}

/** The notebook was opened from file `name` (its cells' data came with it or from that file's author). */
export function importStep(name: string, bytes: number, now = new Date()): ProcessingEntry {
	return { at: now.toISOString(), kind: 'import', cellId: '', subject: name, summary: R.imported(name), file: { name, bytes }, signature: `${name}:${bytes}` };
}
