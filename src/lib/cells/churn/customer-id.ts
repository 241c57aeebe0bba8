/**
 * How the churn cell names a customer: by the id column (guessed from the
 * scored table with `guessIdColumn`, editable in the scoring controls),
 * else by row number.
 */
import { M } from './messages';

const T = M.cell;

/** How the cell names the customer of `row`: "customer 7590-VHVEG" by id when it has one, else by row number. */
export function customerName(id: unknown, row: number, { capital = false } = {}): string {
	const text = id === null || id === undefined ? '' : String(id).trim();
	if (!text) return capital ? T.customerLabel(row) : T.customerRow(row);
	return capital ? T.customerNamedLabel(text) : T.customerNamed(text);
}
