import { distinctValues } from './rows';

/** Axis and margin choices, estimated from the data before Plot measures anything (it doesn't). */

// Plot draws ticks in 10px system-ui; an average glyph is about 6px wide.
const CHAR_PX = 6;
const MAX_LABEL_CHARS = 24;

/** A category label cut to a readable length. */
export function shortLabel(value: unknown): string {
	const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
	return text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;
}

export interface CategoryAxis {
	tickRotate: number;
	/** Called by Plot as (value, index in the domain); blank for thinned-out labels. */
	tickFormat: (d: unknown, i: number) => string;
	/** Space under the plot the labels need. */
	marginBottom: number;
	/** Space left of the plot a turned first label reaches into. */
	marginLeft: number;
}

// A turned label needs about this much room along the axis to stay clear of its neighbours.
const ROTATED_SLOT_PX = 13;

/**
 * Ordinal x axis: tick labels turn by 45° once they no longer fit side by
 * side, and only every k-th is written once even turned ones would overlap.
 * @param plotWidth width available to one facet's x axis
 */
export function categoryAxis(rows: Record<string, unknown>[], name: string, plotWidth: number): CategoryAxis {
	const labels = distinctValues(rows, name).map(shortLabel);
	const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
	const slot = plotWidth / Math.max(1, labels.length);
	const rotate = longest * CHAR_PX > slot - 4;
	const every = rotate ? Math.max(1, Math.ceil(ROTATED_SLOT_PX / slot)) : 1;
	// cos 45° and sin 45° of the longest label's length.
	const reach = Math.round(Math.min(longest, MAX_LABEL_CHARS) * CHAR_PX * 0.72);
	return {
		tickRotate: rotate ? -45 : 0,
		tickFormat: every === 1 ? shortLabel : (d, i) => (i % every === 0 ? shortLabel(d) : ''),
		marginBottom: rotate ? reach + 28 : 36,
		marginLeft: rotate ? Math.min(reach, 140) : 0
	};
}

/** Left margin for a numeric y axis whose largest tick is about `maxAbs` (Plot formats with thousands commas). */
export function numericMarginLeft(maxAbs: number): number {
	if (!Number.isFinite(maxAbs) || maxAbs <= 0) return 40;
	const text = Math.round(maxAbs).toLocaleString('en-US');
	return Math.max(40, Math.round((text.length + 1) * CHAR_PX + 14));
}

/** Left margin for an ordinal y axis. */
export function categoryMarginLeft(rows: Record<string, unknown>[], name: string): number {
	const longest = distinctValues(rows, name).reduce<number>((m, v) => Math.max(m, shortLabel(v).length), 0);
	return Math.max(40, Math.round(longest * CHAR_PX + 14));
}

/** Largest absolute number in a column (missing and non-numeric values skipped). */
export function maxAbs(rows: Record<string, unknown>[], name: string): number {
	let max = 0;
	for (const row of rows) {
		const v = row[name];
		if (typeof v === 'number' && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
	}
	return max;
}

/** Sum of absolute values: the largest a stacked or summed bar can reach. */
export function sumAbs(rows: Record<string, unknown>[], name: string): number {
	let sum = 0;
	for (const row of rows) {
		const v = row[name];
		if (typeof v === 'number' && Number.isFinite(v)) sum += Math.abs(v);
	}
	return sum;
}
