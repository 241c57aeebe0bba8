/**
 * The columns segments are found on when the user has not chosen: every
 * column except those whose name reads like an identifier (customerID,
 * Code client…). An identifier describes no customer, yet as a number it
 * would dominate the distances and as text add one level per customer.
 * One rule for the cell's ticked boxes and for the worker's default.
 */
import { idLikeName } from '../shared/column-names';

export const ID_NAME_REASON = 'its name reads like an identifier';

/** Default clustering columns of a table with columns `names`, and those left out with why. */
export function defaultClusterColumns(names: string[]): { columns: string[]; excluded: { column: string; reason: string }[] } {
	const excluded = names.filter(idLikeName).map((column) => ({ column, reason: ID_NAME_REASON }));
	return { columns: names.filter((n) => !idLikeName(n)), excluded };
}
