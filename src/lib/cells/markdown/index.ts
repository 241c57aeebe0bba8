import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';

/** A text cell: Markdown, rendered without raw HTML. */
export interface MarkdownParams {
	text: string;
}

export const markdownCell = defineCell<MarkdownParams>({
	type: 'markdown',
	label: () => M.label,
	add: { text: () => M.add, order: 10 },
	params: { text: param.text() },
	// It only shows its text: nothing to run, and nothing to trust.
	runs: false,
	reads: () => [],
	writes: () => []
});
