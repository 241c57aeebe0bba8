import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';

/** A segments cell: k-means segments of a customer table, written back as a `segment` column. */
export interface SegmentsParams {
	table: string;
	/** Columns to cluster on; empty = every sensible column. */
	columns: string[];
	minK: number;
	maxK: number;
	/** The k the user kept; null = the suggested one. */
	k: number | null;
	seed: number;
	/** IndexedDB key of the last result ('' before the first run). */
	resultKey: string;
	/** Names the user gave to segments (by number); default "Segment 1", … */
	names: Record<string, string>;
	/** Descriptions the user rewrote (by number); default the generated one. */
	descriptions: Record<string, string>;
	/** Output table: the source rows with a `segment` column. */
	outName: string;
	/** IndexedDB key of the kept UMAP map ('' before one is drawn; absent in older notebooks). */
	umapKey?: string;
}

/** Bounds of the k range the cell offers (its inputs say the same). */
const k = (initial: number) => param.number(initial, { min: 2, max: 20, integer: true });

export const segmentsCell = defineCell<SegmentsParams>({
	type: 'segments',
	label: () => M.label,
	add: { text: () => M.add, order: 6 },
	params: {
		table: param.text(),
		columns: param.textList(),
		minK: k(2),
		maxK: k(8),
		k: param.nullable(param.number(2, { min: 1, integer: true })),
		seed: param.number(42),
		resultKey: param.text(),
		names: param.textRecord(),
		descriptions: param.textRecord(),
		outName: param.text(),
		umapKey: param.optional(param.text())
	},
	processing: 'model',
	reads: (p) => (p.table ? [p.table] : []),
	writes: (p) => (p.outName ? [p.outName] : []),
	keeps: (p) => ({ results: [p.resultKey, p.umapKey ?? ''].filter(Boolean) }),
	start: ({ source }) => (source ? { table: source, outName: `${source}_segments` } : {})
});

/** A segment's display name. */
export function segmentName(names: Record<string, string>, segment: number): string {
	return names[String(segment)] || `Segment ${segment + 1}`;
}
