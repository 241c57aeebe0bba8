/** Notebook-wide services handed to cell views through Svelte context. */
import { getContext, setContext } from 'svelte';
import type { NotebookRunner } from './notebook-runner.svelte';

const RUNNER = Symbol('runner');

export function provideRunner(runner: NotebookRunner): void {
	setContext(RUNNER, runner);
}

export function useRunner(): NotebookRunner {
	return getContext<NotebookRunner>(RUNNER);
}
