/**
 * Checks of the text cell's input before the training worker starts, so a bad
 * label column gets a specific message at once rather than after loading the
 * models.
 */
import { M } from './messages';
import { MAX_LABELS } from './guess';

/** Fewer examples than this for a label leaves too little to train on and test. */
export const MIN_PER_LABEL = 5;

/**
 * What is wrong with a label column, or null when it can be learned.
 * @param values its values with their counts, most frequent first (at most `MAX_LABELS + 1` of them)
 */
export function labelProblem(column: string, values: { value: string; count: number }[]): string | null {
	if (values.length === 0) return M.emptyLabels(column);
	if (values.length === 1) return M.oneLabel(column, values[0].value);
	if (values.length > MAX_LABELS) return M.tooManyLabels(column, MAX_LABELS);
	const rare = values.find((v) => v.count < MIN_PER_LABEL);
	return rare ? M.fewRows(column, rare.value, rare.count, MIN_PER_LABEL) : null;
}
