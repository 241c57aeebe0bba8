/**
 * `npm run evaluate -- pii --data <file.csv> [--sample 500]`
 *
 * Reads the CSV through DuckDB as the workbench does, takes each column's distinct non-missing
 * values as text (up to `--sample`, a repeatable pseudo-random pick: ordered by hash) and its
 * distinct ratio, runs the personal data detector and prints one JSON line per column:
 *   {"column":"courriel","kind":"email","confidence":0.99,"examples":["j***@g***.com",…],"reason":"…"}
 *   {"column":"montant","kind":null,"confidence":0,"examples":[]}
 */
import type { DataEngine } from '../workers/data';
import { detectPersonalData, type SampledColumn } from '../workers/data/pii';
import { quoteIdent } from '../workers/data/sql-quote';
import { loadEngine } from './load-table';

const TABLE = 'customers';

export function parsePiiArgs(rest: string[], fail: (message: string) => never): { data: string; sample: number } {
	const flags = new Map<string, string>();
	for (let i = 0; i < rest.length; i += 2) {
		if (!rest[i].startsWith('--') || rest[i + 1] === undefined || rest[i + 1].startsWith('--')) fail(`invalid argument: ${rest[i]}`);
		flags.set(rest[i].slice(2), rest[i + 1]);
	}
	const sample = Number(flags.get('sample') ?? 500);
	if (!Number.isInteger(sample) || sample < 1) fail(`invalid sample: ${flags.get('sample')}`);
	return { data: flags.get('data') ?? fail('--data <file.csv> is required'), sample };
}

/**
 * Each column of `table` as the detector reads it: DuckDB type, up to `sample` distinct non-missing
 * values as text (ordered by hash: a spread-out pick that is the same on every run) and the
 * distinct ratio over the whole column.
 */
export async function sampledColumns(engine: DataEngine, table: string, sample: number): Promise<SampledColumn[]> {
	const { columns } = await engine.describe(table);
	const out: SampledColumn[] = [];
	for (const column of columns) {
		const col = quoteIdent(column.name);
		const text = `CAST(${col} AS VARCHAR)`;
		const sampled = await engine.queryRows(`SELECT v FROM (SELECT DISTINCT ${text} AS v FROM ${quoteIdent(table)} WHERE ${col} IS NOT NULL) ORDER BY hash(v), v`, sample);
		const ratio = await engine.queryRows(`SELECT count(DISTINCT ${col})::DOUBLE / greatest(count(${col}), 1) AS r FROM ${quoteIdent(table)}`, 1);
		out.push({ name: column.name, type: column.type, values: sampled.rows.map((r) => String(r[0])), distinctRatio: Number(ratio.rows[0]?.[0] ?? 0) });
	}
	return out;
}

/** The `pii` task of scripts/evaluate.ts. */
export async function runPiiCommand(rest: string[], fail: (message: string) => never): Promise<void> {
	const args = parsePiiArgs(rest, fail);
	const engine = await loadEngine(args.data, TABLE);
	for (const column of await sampledColumns(engine, TABLE, args.sample)) {
		const flag = detectPersonalData(column);
		console.log(JSON.stringify(flag ? { column: column.name, kind: flag.kind, confidence: flag.confidence, examples: flag.examples, reason: flag.reason } : { column: column.name, kind: null, confidence: 0, examples: [] }));
	}
}
