import { isString, type CellDefinition } from '../types';

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

export const segmentsCell: CellDefinition<SegmentsParams> = {
	type: 'segments',
	label: 'Segments',
	defaults: () => ({ table: '', columns: [], minK: 2, maxK: 8, k: null, seed: 42, resultKey: '', names: {}, descriptions: {}, outName: '' }),
	check: (p) => {
		if (!isString(p.table) || !isString(p.outName)) return 'its table is missing';
		for (const key of ['minK', 'maxK', 'seed']) if (typeof p[key] !== 'number') return `invalid ${key}: ${String(p[key])}`;
		return null;
	},
	reads: (p) => (p.table ? [p.table] : []),
	writes: (p) => (p.outName ? [p.outName] : []),
	keeps: (p) => ({ results: [p.resultKey, p.umapKey ?? ''].filter(Boolean) }),
	startFrom: (table) => ({ table, outName: `${table}_segments` })
};

/** A segment's display name. */
export function segmentName(names: Record<string, string>, segment: number): string {
	return names[String(segment)] || `Segment ${segment + 1}`;
}
