/**
 * How a lexicon's p(positive) becomes class probabilities without any label:
 * two classes → [1 − p, p] (the trainer puts the positive class second);
 * more classes only when their labels are ordered opinions — numbers ("1".."5",
 * "1 star", "4 étoiles") or sentiment words (negative / neutral / positive) —
 * placed on that scale. Topics ("billing", "delivery") are refused.
 */

/** Sentiment words as positions on the scale (for labels without numbers). */
const WORD_POSITIONS = new Map<string, number>([
	['very negative', -2], ['very bad', -2], ['très négatif', -2], ['tres negatif', -2],
	['negative', -1], ['neg', -1], ['bad', -1], ['poor', -1], ['négatif', -1], ['negatif', -1], ['négative', -1], ['mauvais', -1],
	['neutral', 0], ['neu', 0], ['mixed', 0], ['average', 0], ['ok', 0], ['neutre', 0], ['moyen', 0], ['mitigé', 0],
	['positive', 1], ['pos', 1], ['good', 1], ['positif', 1], ['bon', 1],
	['very positive', 2], ['very good', 2], ['excellent', 2], ['très positif', 2], ['tres positif', 2]
]);

/** A label with exactly one number: the number and the words around it ("3 stars" → 3, "star"). */
function numbered(label: string): { value: number; rest: string } | null {
	const found = label.match(/[-+]?\d+(?:[.,]\d+)?/g);
	if (found?.length !== 1) return null;
	const rest = label
		.replace(found[0], ' ')
		.toLowerCase()
		.replace(/[^\p{L}]+/gu, ' ')
		.trim()
		// "1 star" / "2 stars", "1 étoile" / "5 étoiles"
		.replace(/(?<=\p{L}{2})s\b/gu, '');
	return { value: Number(found[0].replace(',', '.')), rest };
}

/** Positions of the classes on an opinion scale (larger = better), or null when the labels are not ordered. */
export function orderedPositions(classes: readonly string[]): number[] | null {
	const numbers = classes.map(numbered);
	if (numbers.every((n) => n !== null) && new Set(numbers.map((n) => n!.rest)).size === 1) {
		const values = numbers.map((n) => n!.value);
		if (new Set(values).size === values.length) return values;
	}
	const words = classes.map((c) => WORD_POSITIONS.get(c.trim().toLowerCase().replace(/[\s_-]+/g, ' ')));
	if (words.every((w) => w !== undefined) && new Set(words).size === words.length) return words as number[];
	return null;
}

/** `"a", "b" and "c"` (the first few, then how many more). */
function listClasses(classes: readonly string[]): string {
	const shown = classes.slice(0, 6).map((c) => `"${c}"`);
	if (classes.length > 6) return `${shown.join(', ')} and ${classes.length - 6} more`;
	return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * Null for two classes; the positions of ordered classes; else an Error the
 * trainer shows as the reason the lexicon row was skipped.
 */
export function classPositions(classes: readonly string[]): number[] | null {
	if (classes.length < 2) throw new Error('The lexicon needs at least two classes (e.g. positive and negative).');
	if (classes.length === 2) return null;
	const positions = orderedPositions(classes);
	if (!positions) throw new Error(`The lexicon only tells positive from negative: it cannot separate the classes ${listClasses(classes)}.`);
	return positions;
}

/**
 * Writes the class probabilities of one text into `out` at `row`. Ordered
 * classes: p(positive) places the text on the scale (0 → lowest class, 1 →
 * highest), and each class gets a Gaussian weight of its distance to that
 * point, one mean gap between classes wide, so the nearest class wins.
 */
export function writeProbabilities(p: number, positions: readonly number[] | null, out: Float64Array, row: number): void {
	if (positions === null) {
		out[row * 2] = 1 - p;
		out[row * 2 + 1] = p;
		return;
	}
	const k = positions.length;
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of positions) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
	const at = lo + p * (hi - lo);
	const width = (hi - lo) / (k - 1);
	let sum = 0;
	for (let c = 0; c < k; c++) {
		const z = (positions[c] - at) / width;
		sum += out[row * k + c] = Math.exp(-0.5 * z * z);
	}
	for (let c = 0; c < k; c++) out[row * k + c] /= sum;
}

/**
 * How much a positive token counts towards class `classIndex`: +1 for the
 * positive class, −1 for the negative one; for ordered classes from −1 (lowest)
 * to +1 (highest), 0 for the middle of the scale.
 */
export function classDirection(positions: readonly number[] | null, classIndex: number): number {
	if (positions === null) return classIndex === 1 ? 1 : -1;
	const lo = Math.min(...positions);
	const hi = Math.max(...positions);
	return (2 * (positions[classIndex] - lo)) / (hi - lo) - 1;
}
