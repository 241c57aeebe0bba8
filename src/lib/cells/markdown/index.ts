import { isString, type CellDefinition } from '../types';

/** A text cell: Markdown, rendered without raw HTML. */
export interface MarkdownParams {
	text: string;
}

export const markdownCell: CellDefinition<MarkdownParams> = {
	type: 'markdown',
	label: 'Text',
	defaults: () => ({ text: '' }),
	check: (p) => (isString(p.text) ? null : 'its text is missing'),
	reads: () => [],
	writes: () => []
};
