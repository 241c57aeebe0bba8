/**
 * First guesses of the text cell's columns from a sample of the table, so a
 * review file works in one click: the text column (longest prose), the label
 * column (named like score/label/sentiment/rating, with few values) and a
 * train/test split column. The user can change each one.
 */

/** A sampled column: its name, DuckDB type and the sampled values as text. */
export interface SampledColumn {
	name: string;
	type: string;
	values: (string | null)[];
}

/** Names texts usually have; used to break near-ties and when nothing looks like prose. */
const TEXT_NAMES = /review|comment|message|text|feedback|body|description|content|avis|commentaire|remarque|verbatim|ticket|tweet|note_client/i;
const LABEL_NAMES = /^(score|label|labels|sentiment|polarity|rating|ratings|stars?|class|category|intent|topic|target|y|avis|note|classe|categorie|catégorie|sujet)$/i;
const LABEL_PARTS = /label|sentiment|rating|stars|polarity|intent|topic|category|class/i;
/** A label with more values than this is not a set of classes (ids, free text). */
export const MAX_LABELS = 50;

export const isVarchar = (type: string): boolean => /CHAR|TEXT|STRING/i.test(type);

/** Mean length of the non-missing values and the share of them with a space (prose, not codes). */
export function proseStats(values: (string | null)[]): { meanLength: number; spaced: number } {
	const present = values.filter((v): v is string => v !== null && v.trim() !== '');
	if (!present.length) return { meanLength: 0, spaced: 0 };
	const meanLength = present.reduce((s, v) => s + v.length, 0) / present.length;
	return { meanLength, spaced: present.filter((v) => /\S\s+\S/.test(v)).length / present.length };
}

/**
 * The column that most looks like free text: the longest mean length among
 * text columns where most values hold several words; else a text column named
 * like one; else ''.
 */
export function guessTextColumn(columns: SampledColumn[]): string {
	const prose = columns
		.filter((c) => isVarchar(c.type))
		.map((c) => ({ name: c.name, ...proseStats(c.values) }))
		.filter((c) => c.spaced >= 0.5 && c.meanLength >= 12)
		.sort((a, b) => b.meanLength - a.meanLength);
	if (prose.length) return prose[0].name;
	return columns.find((c) => isVarchar(c.type) && TEXT_NAMES.test(c.name))?.name ?? '';
}

/**
 * Columns that may hold labels, best first: named exactly like a label
 * (score, label, sentiment, rating…), then containing such a word. The cell
 * keeps the first with 2 to `MAX_LABELS` values (see `isLabelCount`).
 */
export function labelCandidates(names: string[], exclude: string[]): string[] {
	const candidates = names.filter((n) => !exclude.includes(n));
	return [...candidates.filter((n) => LABEL_NAMES.test(n)), ...candidates.filter((n) => !LABEL_NAMES.test(n) && LABEL_PARTS.test(n))];
}

/** Whether a column with `distinct` values can be a label column. */
export const isLabelCount = (distinct: number): boolean => distinct >= 2 && distinct <= MAX_LABELS;

/** Columns whose names could mark a split, the plain name "split" first. */
export function splitCandidates(names: string[]): string[] {
	const named = names.filter((n) => /split|subset|fold|partition|set$/i.test(n));
	return [...named.filter((n) => n.toLowerCase() === 'split'), ...named.filter((n) => n.toLowerCase() !== 'split')];
}

/** True when a column's values are exactly train and test (any case). */
export function isTrainTestSplit(values: string[]): boolean {
	const set = new Set(values.map((v) => v.trim().toLowerCase()));
	return set.size === 2 && set.has('train') && set.has('test');
}
