/**
 * A target the models cannot learn from (empty in every row, or one value
 * only), found before the training worker starts, in the cell's own words:
 * the worker would refuse it too, but only after the table crossed to it and
 * in words that know nothing of churn or segments.
 */
import { getData } from '$lib/clients/data';

export interface TargetWords {
	targetEmpty(target: string): string;
	targetOneClass(target: string, value: string): string;
}

/** The problem with column `target` of `table` in words, or '' when it has two values or more. */
export async function targetProblem(table: string, target: string, words: TargetWords): Promise<string> {
	const values = await getData().distinctValues(table, target, 2);
	if (values.length === 0) return words.targetEmpty(target);
	if (values.length === 1) return words.targetOneClass(target, values[0].value);
	return '';
}
