/** Notebook-wide services handed to cell views through Svelte context. */
import { getContext, setContext } from 'svelte';
import type { OfferKind, Offered } from '$lib/notebook';

/**
 * What a cell view may ask of the notebook it sits in: the tables and views
 * DuckDB knows now (for the table pickers), and what the other cells offer
 * (a trained churn model…). The notebook's runner provides it.
 */
export interface NotebookServices {
	readonly relations: string[];
	/** What the notebook's cells offer of `kind`, in notebook order (reactive: follows the cells' params). */
	offered<K extends OfferKind>(kind: K): Offered<K>[];
	/**
	 * Adds a cell of `type` with `params` below the selected one and runs it
	 * (a data cell reading another sheet of the same workbook as its own table).
	 */
	addCell(type: string, params: Record<string, unknown>): void;
	/** The notebook's data steps that build `table`, as SQL for native DuckDB (a production bundle's `pipeline.sql`). */
	pipelineSql(table: string): Promise<string>;
}

const RUNNER = Symbol('runner');

export function provideRunner(runner: NotebookServices): void {
	setContext(RUNNER, runner);
}

export function useRunner(): NotebookServices {
	return getContext<NotebookServices>(RUNNER);
}
