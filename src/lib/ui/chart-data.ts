/**
 * A chart's data as a table, for people who cannot see the chart: the
 * values of its main mark's channels after Plot's own transforms (a binned
 * histogram gives its bins and counts, not the raw rows), labelled as the
 * chart's axes are.
 */
import type { PlotOptions } from '@observablehq/plot';

export interface ChartData {
	columns: string[];
	rows: unknown[][];
	/** Rows the mark has in all; `rows` holds at most the limit asked for. */
	total: number;
}

/** Marks that carry the chart's data, first choice first; rules, tips, frames and texts only annotate. */
const DATA_MARKS = ['bar', 'rect', 'cell', 'line', 'area', 'dot', 'link', 'arrow'];
const SHOWN_CHANNELS = ['fx', 'fy', 'x', 'x1', 'x2', 'y', 'y1', 'y2', 'z', 'fill', 'stroke', 'r', 'text'];

interface InitializedChannel {
	value: ArrayLike<unknown>;
	label?: string;
	scale?: string;
}
interface PlotMark {
	ariaLabel?: string;
	initialize(): { data: ArrayLike<unknown>; facets?: ArrayLike<number>[]; channels: Record<string, InitializedChannel> };
}

const isMark = (m: unknown): m is PlotMark => typeof (m as PlotMark | null)?.initialize === 'function';
const flat = (marks: unknown): unknown[] => (Array.isArray(marks) ? marks.flatMap(flat) : [marks]);

/** A channel's heading: the axis label the chart gives its scale, else the channel's own label, else its name. */
function heading(options: PlotOptions, name: string, channel: InitializedChannel): string {
	const scale = channel.scale as keyof PlotOptions | undefined;
	const scaleOptions = scale ? (options[scale] as { label?: unknown } | undefined) : undefined;
	const label = typeof scaleOptions?.label === 'string' ? scaleOptions.label : channel.label;
	return label ?? name;
}

/** The chart's main data as a table, or null when no mark holds tabular data (a blank chart, a drawing). */
export function chartData(options: PlotOptions, limit = 200): ChartData | null {
	const marks = flat(options.marks ?? []).filter(isMark);
	const rank = (m: PlotMark) => {
		const at = DATA_MARKS.indexOf(m.ariaLabel ?? '');
		return at < 0 ? DATA_MARKS.length : at;
	};
	for (const mark of [...marks].sort((a, b) => rank(a) - rank(b))) {
		if (rank(mark) === DATA_MARKS.length) break;
		let init: ReturnType<PlotMark['initialize']>;
		try {
			init = mark.initialize();
		} catch {
			continue; // a mark that needs the whole plot's context to transform: try the next
		}
		const present = (n: string) => (init.channels[n]?.value?.length ?? 0) > 0;
		// A stacked bar starts at zero: its base (x1/y1) says nothing, its top (x2/y2) is the value.
		const zeroBase = (n: string) => /^[xy]1$/.test(n) && present(n[0] + '2') && Array.from(init.channels[n].value).every((v) => v === 0);
		const names = SHOWN_CHANNELS.filter((n) => present(n) && !zeroBase(n));
		if (names.length === 0) continue;
		const index = init.facets ? Array.from(init.facets).flatMap((f) => Array.from(f)) : Array.from({ length: init.data.length }, (_, i) => i);
		const columns = names.map((n) => heading(options, n, init.channels[n]));
		const rows = index.slice(0, limit).map((i) => names.map((n) => init.channels[n].value[i]));
		return { columns, rows, total: index.length };
	}
	return null;
}
