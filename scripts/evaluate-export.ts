/**
 * `npm run evaluate -- churn|segment … --export-dir <dir>`: the production
 * bundle of the chosen model (what "Export for production" saves in the
 * workbench) and `predictions.csv`, the engine's own probabilities for the
 * test rows in input order, so a native run of the bundle can be checked
 * against them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { splitRows, targetCodes, type TabularRequest, type TabularResult } from '../models/auto';
import { productionBundle } from '../models/export';
import { decodeState } from '../models/shared';
import type { ModelState } from '../models';
import { DEFAULT_CSV_OPTIONS, type DataEngine } from '../workers/data';
import { comment, pipelineLoadSql } from '../workers/data/pipeline-load';
import type { RawColumn } from '../models/shared';

/** The churn cell's default decision rule (threshold and risk levels), which the bundle's score.py applies. */
const DECISION = { threshold: 0.5, riskMedium: 0.4, riskHigh: 0.7 };
const SCORE_SCRIPT = join(import.meta.dirname, '../models/export/score.py');

const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** `predictions.csv`: input row (0-based), then the positive class's probability, or one per class. */
function predictionsCsv(result: TabularResult, rows: Int32Array): string {
	const probabilities = result.models[result.best]!.testProbabilities;
	const K = result.classes.length;
	const header = K === 2 ? ['row', 'probability'] : ['row', ...result.classes.map((c) => `probability_${c}`)];
	const lines = Array.from(rows, (row, i) => ({ row, i }))
		.sort((a, b) => a.row - b.row)
		.map(({ row, i }) => [row, ...(K === 2 ? [probabilities[i * 2 + 1]] : Array.from({ length: K }, (_, k) => probabilities[i * K + k]))].map(csvCell).join(','));
	return [header.map(csvCell).join(','), ...lines].join('\n') + '\n';
}

export async function writeProductionExport(
	dir: string,
	run: { engine: DataEngine; file: string; table: string; raw: RawColumn[]; request: TabularRequest; result: TabularResult; task: 'churn' | 'segment' }
): Promise<void> {
	const { result, request } = run;
	const row = result.leaderboard.find((r) => r.kind === result.best)!;
	const state = decodeState<ModelState>(result.models[result.best]!.state);
	const load = await pipelineLoadSql(run.engine, { fileKey: 'cli', fileName: basename(run.file), table: run.table, options: DEFAULT_CSV_OPTIONS });
	const files = productionBundle({
		state,
		label: row.label,
		table: run.table,
		target: result.target,
		idColumn: null,
		decision: run.task === 'churn' ? DECISION : null,
		pipelineSql: `${comment(`pipeline.sql: table ${run.table} from ${basename(run.file)}, read as the workbench reads it, for native DuckDB.\nRun it next to the file:  duckdb customers.duckdb < pipeline.sql`)}\n\n${load}`,
		scoreScript: readFileSync(SCORE_SCRIPT, 'utf8')
	});
	mkdirSync(dir, { recursive: true });
	for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
	const rows = splitRows(run.raw, request, targetCodes(run.raw, request)).test;
	if (rows.length !== result.nTest) throw new Error(`test rows recomputed as ${rows.length}, the trainer had ${result.nTest}`);
	writeFileSync(join(dir, 'predictions.csv'), predictionsCsv(result, rows));
}
