/**
 * A training sample of a table too large to send whole to the training
 * worker: each value of the target keeps its share of rows (rounded, at
 * least one row per value), and the pick is a hash of the row's place in the
 * table, so the same table gives the same sample on every call and in every
 * browser, and the rows kept are spread over the whole table.
 */
import type { TrainingSample } from './api';
import { quoteIdent } from './sql-quote';

export function stratifiedSampleSql(relation: string, rowCount: number, sample: TrainingSample): string {
	const from = quoteIdent(relation);
	const share = sample.rows / rowCount;
	// Row numbers in scan order (a table's is stable; a view's is its query's), hashed to a repeatable shuffle.
	const numbered = `SELECT *, hash(row_number() OVER ()) AS __pick FROM ${from}`;
	if (!sample.stratify) return `SELECT * EXCLUDE (__pick) FROM (${numbered}) ORDER BY __pick LIMIT ${sample.rows}`;
	const target = quoteIdent(sample.stratify);
	return `SELECT * EXCLUDE (__pick, __rank, __size) FROM (
		SELECT *, row_number() OVER (PARTITION BY ${target} ORDER BY __pick) AS __rank, count(*) OVER (PARTITION BY ${target}) AS __size
		FROM (${numbered})
	) WHERE __rank <= greatest(1, round(__size * ${share}))`;
}
