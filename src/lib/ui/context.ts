/** Notebook-wide services handed to cell views through Svelte context. */
import { getContext, setContext } from 'svelte';

/**
 * What a cell view may ask of the notebook it sits in: the tables and views
 * DuckDB knows now (for the table pickers). The notebook's runner provides it.
 */
export interface NotebookServices {
	readonly relations: string[];
}

const RUNNER = Symbol('runner');

export function provideRunner(runner: NotebookServices): void {
	setContext(RUNNER, runner);
}

export function useRunner(): NotebookServices {
	return getContext<NotebookServices>(RUNNER);
}
