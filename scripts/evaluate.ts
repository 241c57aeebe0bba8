/**
 * The evaluation command: the workbench's own engine (DuckDB for reading the
 * CSV, the tabular trainer for models) run from Node.
 *
 *   npm run evaluate -- churn --data <file.csv> --target <column> [--positive <label>]
 *        [--split-column <column>] [--models gbdt,forest,logistic,mlp,auto (any tabular kind of models/catalog.ts)] [--seed 42] [--budget-s 60] [--folds 3] [--explain] [--timing]
 *        [--export-dir <dir>]  (the production bundle and predictions.csv of each model: evaluate-export.ts) [--verbose]
 *        [--workers N]  (helper threads, as the browser starts them: forest trees, boosted fits from 50,000 rows)
 *   npm run evaluate -- segment --data <file.csv> --target <column> ...
 *   npm run evaluate -- cluster --data <file.csv> [--columns a,b,c] [--exclude churn] [--k 2..8] [--seed 42]
 *   npm run evaluate -- sentiment --data <file.csv> --text <column> --target <column> [...]  (see evaluate-sentiment.ts)
 *   npm run evaluate -- recommend --data <file.csv> --items <a,b,c> [--user-column <id>] [--k 3] [--seed 42]  (see evaluate-recommend.ts)
 *   npm run evaluate -- clv --data <tx.csv> --customer <col> --date <col> --amount <col> --calibration-end <YYYY-MM-DD> [--holdout-end <YYYY-MM-DD>] [--unit week]  (see evaluate-clv.ts)
 *   npm run evaluate -- pii --data <file.csv>  (personal data per column, as the profile finds it; see evaluate-pii.ts)
 *   npm run evaluate -- survival --data <file.csv> --duration <col> --event <col> --event-value <v> [--group <col>] [--covariates a,b,c] [--times 12,24,48]  (see evaluate-survival.ts)
 *
 * Prints one JSON object per line per model. Each kind is tuned by cross-validation within the
 * budget (`auto` tunes all four and may blend them, exactly as the churn cell does); `fit_ms` is
 * the final fit of the chosen configuration, `search_ms` the whole run. `--explain` adds SHAP checks
 * on the test rows: `shap_additivity_max_err` (max |output − base − Σ values|, in the model's SHAP
 * space) and `shap_ms_per_1000_rows`. `--timing` adds how the time budget held: `budget_s`, `wall_s` (the
 * trainer's whole run: search, final fits, test rows, report), `overrun_s` (wall − budget, 0 when on time),
 * `overrun_x` (wall ÷ budget) and the kinds the budget left out (`skipped`). `--verbose` first prints every
 * configuration the search cross-validated, one JSON line each (`trial`: kind, what it changes from the
 * kind's defaults, its CV score, whether the budget cut it short, whether it was kept).
 */
import { nodeThreads } from './node-threads';
import { SHARD_MIN_ROWS } from '../workers/shared/thread-pool';
import { splitRows, targetCodes, trainTabular, DEFAULT_TABULAR_REQUEST, type TabularKind, type TabularRequest, type TabularResult } from '../models/auto';
import { additivityError, explainShap } from '../models/explain';
import { type RawColumn, buildFeatures, decodeState } from '../models/shared';
import type { ModelState } from '../models';
import { TABULAR_KINDS } from '../models/catalog';
import { useFastestNodeBackend } from './node-backend';
import { join } from 'node:path';
import { loadEngine, loadTable, relationColumns } from './load-table';
import { writeProductionExport } from './evaluate-export';
import { kmeans, prepareFromRaw, silhouette } from '../models/cluster';
import { parseSentimentArgs, runSentiment } from './evaluate-sentiment';
import { parseRecommendArgs, runRecommendEvaluation } from './evaluate-recommend';
import { runClvCommand } from './evaluate-clv';

/** The table the data file becomes (the production bundle's pipeline.sql builds it under this name). */
const TABLE = 'customers';

/** `--models` choices: every tabular kind of the catalogue, and `auto`. */
const KINDS = [...TABULAR_KINDS, 'auto'] as const;

function parseArgs(argv: string[]) {
	const [task, ...rest] = argv;
	if (task !== 'churn' && task !== 'segment') fail('usage: evaluate churn|segment|cluster|sentiment|recommend|clv|survival|pii --data <file.csv> --target <column> [...]');
	const flags = new Map<string, string>();
	const booleans = new Set<string>();
	for (let i = 0; i < rest.length; i += 2) {
		// Boolean flags take no value: consume one token and step back so the pairs stay aligned.
		if (rest[i] === '--explain' || rest[i] === '--timing' || rest[i] === '--verbose') {
			booleans.add(rest[i].slice(2));
			i--;
			continue;
		}
		if (!rest[i].startsWith('--') || rest[i + 1] === undefined || rest[i + 1].startsWith('--')) fail(`invalid argument: ${rest[i]}`);
		flags.set(rest[i].slice(2), rest[i + 1]);
	}
	const data = flags.get('data') ?? fail('--data <file.csv> is required');
	const target = flags.get('target') ?? fail('--target <column> is required');
	const models = (flags.get('models') ?? 'auto').split(',').map((m) => m.trim());
	for (const m of models) if (!(KINDS as readonly string[]).includes(m)) fail(`invalid model: ${m} (choose among ${KINDS.join(', ')})`);
	return {
		task: task as 'churn' | 'segment',
		data,
		target,
		models: models as (typeof KINDS)[number][],
		positive: flags.get('positive') ?? null,
		splitColumn: flags.get('split-column') ?? null,
		seed: Number(flags.get('seed') ?? 42),
		budgetS: Number(flags.get('budget-s') ?? 60),
		folds: Number(flags.get('folds') ?? 3),
		explain: booleans.has('explain'),
		timing: booleans.has('timing'),
		verbose: booleans.has('verbose'),
		exportDir: flags.get('export-dir') ?? null,
		workers: Number(flags.get('workers') ?? 0)
	};
}

/** `cluster` flags: all take a value (no boolean flags), so they pair up. */
function parseClusterArgs(rest: string[]) {
	const flags = new Map<string, string>();
	for (let i = 0; i < rest.length; i += 2) {
		if (!rest[i].startsWith('--') || rest[i + 1] === undefined || rest[i + 1].startsWith('--')) fail(`invalid argument: ${rest[i]}`);
		flags.set(rest[i].slice(2), rest[i + 1]);
	}
	const list = (name: string) => flags.get(name)?.split(',').map((c) => c.trim()).filter(Boolean);
	const range = (flags.get('k') ?? '2..10').match(/^(\d+)(?:\.\.(\d+))?$/) ?? fail(`invalid k: ${flags.get('k')} (use 4 or 2..8)`);
	return {
		data: flags.get('data') ?? fail('--data <file.csv> is required'),
		columns: list('columns'),
		exclude: list('exclude'),
		minK: Number(range[1]),
		maxK: Number(range[2] ?? range[1]),
		seed: Number(flags.get('seed') ?? 42),
		restarts: Number(flags.get('restarts') ?? 10)
	};
}

/** `cluster`: one JSON line per k with inertia, silhouette (exact up to 10,000 rows) and fit time. */
async function runCluster(raw: RawColumn[], args: ReturnType<typeof parseClusterArgs>) {
	const { matrix } = prepareFromRaw(raw, { columns: args.columns, exclude: args.exclude });
	for (let k = args.minK; k <= args.maxK; k++) {
		const started = performance.now();
		const model = await kmeans(matrix, { k, seed: args.seed, restarts: args.restarts });
		const fitMs = Math.round(performance.now() - started);
		const score = silhouette(matrix, model.labels, { seed: args.seed });
		const sample = score.sampled ? { silhouette_sample: score.sampleSize } : {};
		console.log(JSON.stringify({ task: 'cluster', k, inertia: Number(model.inertia.toFixed(2)), silhouette: round(score.score), ...sample, fit_ms: fitMs, iterations: model.iterations, rows: matrix.rows, cols: matrix.cols }));
	}
}

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

const round = (x: number) => Number(x.toFixed(4));

/** The trainer's test rows (its own split). */
function testRows(raw: RawColumn[], req: TabularRequest): Int32Array {
	return splitRows(raw, req, targetCodes(raw, req)).test;
}

/** Every configuration the search tried, per kind, in order (`--verbose`). */
function printTrials(result: TabularResult) {
	for (const row of result.leaderboard) {
		row.tried?.forEach((t, i) => console.log(JSON.stringify({ trial: i + 1, kind: row.kind, params: t.params, cv: round(t.cvScore), complete: t.complete, kept: t.kept === true })));
	}
}

/** How the time budget held: the trainer's wall time against it. */
function budgetChecks(budgetS: number, wallMs: number, result: TabularResult) {
	const wallS = wallMs / 1000;
	return { budget_s: budgetS, wall_s: Number(wallS.toFixed(2)), overrun_s: Number(Math.max(0, wallS - budgetS).toFixed(2)), overrun_x: Number((wallS / budgetS).toFixed(2)), skipped: (result.budget?.skipped ?? []).map((s) => s.kind) };
}

/** SHAP additivity and speed of the selected model on the test rows. */
async function shapChecks(raw: RawColumn[], req: TabularRequest, result: TabularResult) {
	const model = result.models[result.best];
	if (!model) return {};
	const state = decodeState<ModelState>(model.state);
	const rows = testRows(raw, req);
	if (rows.length !== result.nTest) return { shap_error: `test rows recomputed as ${rows.length}, trainer had ${result.nTest}` };
	const X = buildFeatures(raw, result.features, rows);
	const started = performance.now();
	const shap = await explainShap(state, X, { seed: req.seed });
	const ms = performance.now() - started;
	return { shap_method: shap.method, shap_space: shap.space, shap_additivity_max_err: additivityError(shap), shap_ms_per_1000_rows: Number(((ms / Math.max(shap.rows, 1)) * 1000).toFixed(1)) };
}

async function main() {
	if (process.argv[2] === 'cluster') {
		const clusterArgs = parseClusterArgs(process.argv.slice(3));
		await useFastestNodeBackend();
		return runCluster(await loadTable(clusterArgs.data), clusterArgs);
	}
	if (process.argv[2] === 'sentiment') {
		const sentimentArgs = parseSentimentArgs(process.argv.slice(3), fail);
		await useFastestNodeBackend();
		return runSentiment(await loadTable(sentimentArgs.data), sentimentArgs);
	}
	if (process.argv[2] === 'survival') return (await import('./evaluate-survival')).main(process.argv.slice(3), fail);
	if (process.argv[2] === 'clv') return runClvCommand(process.argv.slice(3), fail);
	if (process.argv[2] === 'pii') return (await import('./evaluate-pii')).runPiiCommand(process.argv.slice(3), fail);
	if (process.argv[2] === 'recommend') {
		const recommendArgs = parseRecommendArgs(process.argv.slice(3), fail);
		await useFastestNodeBackend();
		return runRecommendEvaluation(await loadTable(recommendArgs.data), recommendArgs);
	}
	const args = parseArgs(process.argv.slice(2));
	await useFastestNodeBackend();
	const engine = await loadEngine(args.data, TABLE);
	const raw = await relationColumns(engine, TABLE);

	// --workers N: helper threads, as the browser's training worker starts them (forest trees, large boosted fits).
	const threads = args.workers > 1 ? nodeThreads(args.workers, SHARD_MIN_ROWS) : undefined;
	for (const model of args.models) {
		const request: TabularRequest = {
			...DEFAULT_TABULAR_REQUEST,
			target: args.target,
			positive: args.task === 'churn' ? args.positive : null,
			splitColumn: args.splitColumn,
			seed: args.seed,
			budgetS: args.budgetS,
			cvFolds: args.folds,
			mode: model === 'auto' ? 'auto' : (model as TabularKind)
		};
		const started = performance.now();
		const result = await trainTabular(raw, request, { progress: () => undefined, signal: new AbortController().signal, threads });
		const row = result.leaderboard.find((r) => r.kind === result.best)!;
		if (args.verbose) printTrials(result);
		const common = { task: args.task, model, ...(model === 'auto' ? { selected: row.kind } : {}), n_train: result.nTrain, n_test: result.nTest };
		const metrics =
			args.task === 'churn'
				? { auc: round(row.auc), pr_auc: round(row.prAuc), accuracy: round(row.accuracy), f1: round(row.f1), logloss: round(row.logloss) }
				: { accuracy: round(row.accuracy), macro_f1: round(row.macroF1), logloss: round(row.logloss) };
		// fit_ms: the final fit of the chosen configuration on the training rows; search_ms: the whole run, tuning included.
		const wallMs = performance.now() - started;
		const timing = { fit_ms: Math.round(row.fitMs), search_ms: Math.round(wallMs), trials: row.trials };
		const budget = args.timing ? budgetChecks(request.budgetS, wallMs, result) : {};
		const shap = args.explain ? await shapChecks(raw, request, result) : {};
		console.log(JSON.stringify({ ...common, ...metrics, ...timing, ...budget, ...shap }));
		// One model: the bundle in the folder itself; several: one folder per model.
		if (args.exportDir) {
			const dir = args.models.length === 1 ? args.exportDir : join(args.exportDir, model);
			await writeProductionExport(dir, { engine, file: args.data, table: TABLE, raw, request, result, task: args.task });
		}
	}
	threads?.stop();
}

// Errors print as one line: the TF.js WASM module would otherwise dump its whole source on an uncaught error.
main().catch((e: Error) => {
	console.error(`evaluate: ${e.message}`);
	process.exit(1);
});
