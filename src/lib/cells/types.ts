import type { Component } from 'svelte';
import { param, type CellOffers, type ParamSchema } from '$lib/notebook';

/**
 * What every cell type declares, without its Svelte view (so the notebook
 * layer and Node tests can use it). The view is attached in `index.ts`.
 */
export interface CellDefinition<P extends object> {
	/** Registry key, persisted in notebooks: never rename. */
	type: string;
	/** Name in cell headers and lists, in the interface's language (read when shown). */
	label(): string;
	/** Its button in the notebook's add bar ("+ SQL"); none = not offered there. */
	add?: AddEntry;
	/** Every param, with its default and its check: documents are read against it. */
	params: ParamSchema<P>;
	/** Params of a new cell (derived from `params`). */
	defaults(): P;
	/** A problem with saved params in words, or null when they are usable (derived from `params`). */
	check(params: Record<string, unknown>): string | null;
	/** Params of a new cell added to a notebook (over the defaults): its source table, a free name. */
	start?(ctx: StartContext): Partial<P>;
	/** Params a copy of the cell changes (a SQL copy gets its own result name); none = an exact copy. */
	copy?(params: P, ctx: StartContext): Partial<P>;
	/** Params of a new cell reading a file dropped or picked (the data cell); its add button opens the file picker. */
	fromFile?(file: { fileKey: string; fileName: string; table: string }): Partial<P>;
	/** False for a cell that only shows (Markdown): it does not run when added or restored, nor asks for trust. */
	runs?: boolean;
	/**
	 * What running it does, in one sentence, shown before an untrusted notebook
	 * runs (and the code it runs, shown in full); none = what it reads and writes.
	 */
	describe?(params: P): { summary: string; code?: string };
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
	/**
	 * What a run of the cell is in the notebook's record of processing: loading
	 * a dataset, transforming one, or fitting a model (recorded once it keeps
	 * one); none = not recorded (a chart, a note, a profile only read data).
	 */
	processing?: 'dataset' | 'transformation' | 'model';
	/**
	 * What the cell offers the other cells of its notebook (a trained churn
	 * model…), read through `NotebookServices.offered(kind)`; none = nothing.
	 */
	offers?(params: P): CellOffers;
}

/** A cell type's button in the add bar. */
export interface AddEntry {
	/** Its text after "+ " (the message is read when the bar is drawn). */
	text(): string;
	/** Place in the bar, smallest first. */
	order: number;
}

/** What a new cell may start from: the notebook around it. */
export interface StartContext {
	/** The notebook's most recent table or view above the new cell ('' = none). */
	source: string;
	/** Every table or view the notebook writes, most recent above the new cell first (absent = only `source` is known). */
	sources?: string[];
	/** `prefix` followed by the smallest number no relation of this tab uses ("q1"). */
	freeName(prefix: string): string;
}

/** A cell definition as written in its folder: `defaults` and `check` derive from `params`. */
export type CellSpec<P extends object> = Omit<CellDefinition<P>, 'defaults' | 'check'>;

/** The full definition of a cell type, its defaults and check derived from its param schema. */
export function defineCell<P extends object>(spec: CellSpec<P>): CellDefinition<P> {
	return {
		...spec,
		defaults: () => param.paramDefaults(spec.params),
		check: (params) => param.paramProblem(spec.params, params)
	};
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
	/**
	 * Tells the notebook the cell has just taken a step of processing outside
	 * a run: fitted a model (not shown one kept from before), or wrote a table
	 * on a click. The record of processing notes it with its time.
	 */
	recordStep(): void;
	/** Runs the cell from a key inside its editor (Ctrl/Cmd+Enter; `moveOn` with Shift+Enter). */
	onrunkey(moveOn: boolean): void;
}

/** A cell type's view: a Svelte component taking its params. */
export type CellView<P extends object> = Component<CellViewProps<P>>;
