/**
 * What every cell type declares, without its Svelte view (so the notebook
 * layer and Node tests can use it). The view is attached in `index.ts`.
 */
export interface CellDefinition<P extends object> {
	/** Registry key, persisted in notebooks: never rename. */
	type: string;
	/** Name in menus and the default cell title. */
	label: string;
	defaults(): P;
	/** A problem with saved params in words, or null when they are usable. */
	check(params: Record<string, unknown>): string | null;
	/**
	 * Tables or views the cell reads: it re-runs when one of them changes.
	 * `known` are relation names the caller asks about (a SQL cell's reads
	 * are known only from its text: it answers which of them it mentions).
	 */
	reads(params: P, known?: string[]): string[];
	/** Tables or views the cell creates. */
	writes(params: P): string[];
	/**
	 * When the cell runs on opening a notebook, after the cells whose relations
	 * it reads: 'load' (tables from kept files), 'derive' (views over them),
	 * else 'analyse' (the default: results restored from what is loaded).
	 */
	phase?: CellPhase;
	/** Keys of what the cell keeps in browser storage (deleted with the cell or its notebook). */
	keeps?(params: P): CellKeeps;
	/** Params of a new cell reading `source` (the notebook's default table); none = the defaults. */
	startFrom?(source: string): Partial<P>;
}

export type CellPhase = 'load' | 'derive' | 'analyse';

/** What a cell keeps in browser storage, by key. */
export interface CellKeeps {
	/** Kept files (OPFS, in the data worker). */
	files?: string[];
	/** Kept results (IndexedDB, `$lib/storage/results`). */
	results?: string[];
}

/** Props every cell view receives from the notebook page. */
export interface CellViewProps<P extends object> {
	cellId: string;
	params: P;
	/** Merges a change into the cell's params (autosaved). */
	update(change: Partial<P>): void;
	/** Registers the function the notebook calls to run this cell (Run, Shift+Enter, re-runs). */
	registerRun(run: () => Promise<void>): void;
	/** Tells the notebook which relations the last run read (for SQL cells, known only after running). */
	reportReads(reads: string[]): void;
	/** Tells the notebook a relation the cell wrote has changed, so readers re-run. */
	touched(relation: string): void;
}

export function isString(value: unknown): value is string {
	return typeof value === 'string';
}

export function isNullableString(value: unknown): value is string | null {
	return value === null || typeof value === 'string';
}
