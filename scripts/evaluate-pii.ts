/**
 * `npm run evaluate -- pii --data <file.csv>`
 *
 * Reads the CSV through DuckDB and profiles it as the workbench does (the profile's personal data
 * pass: up to 500 distinct non-missing values per column, a repeatable pick ordered by hash, run
 * through the detectors) and prints one JSON line per column:
 *   {"column":"courriel","kind":"email","confidence":0.99,"examples":["j***@g***.com",…],"reason":"…"}
 *   {"column":"montant","kind":null,"confidence":0,"examples":[]}
 */
import { loadEngine } from './load-table';

const TABLE = 'customers';

export function parsePiiArgs(rest: string[], fail: (message: string) => never): { data: string } {
	if (rest.length !== 2 || rest[0] !== '--data') fail('usage: evaluate pii --data <file.csv>');
	return { data: rest[1] };
}

/** The `pii` task of scripts/evaluate.ts. */
export async function runPiiCommand(rest: string[], fail: (message: string) => never): Promise<void> {
	const args = parsePiiArgs(rest, fail);
	const engine = await loadEngine(args.data, TABLE);
	const profile = await engine.profile(TABLE);
	for (const column of profile.columns) {
		const flag = column.personal;
		console.log(JSON.stringify(flag ? { column: column.name, kind: flag.kind, confidence: flag.confidence, examples: flag.examples, reason: flag.reason } : { column: column.name, kind: null, confidence: 0, examples: [] }));
	}
}
