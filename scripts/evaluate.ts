/**
 * The evaluation command: the workbench's own engine (DuckDB for reading the
 * CSV, the tabular trainer for models) run from Node.
 *
 *   npm run evaluate -- churn --data <file.csv> --target <column> [--positive <label>]
 *        [--split-column <column>] [--models gbdt,forest,logistic,mlp,auto] [--seed 42] [--budget-s 60] [--folds 3]
 *   npm run evaluate -- segment --data <file.csv> --target <column> ...
 *
 * Prints one JSON object per line per model. Each kind is tuned by cross-validation within the
 * budget (`auto` tunes all four and may blend them, exactly as the churn cell does); `fit_ms` is
 * the final fit of the chosen configuration, `search_ms` the whole run.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { DataEngine, DEFAULT_CSV_OPTIONS, MemoryStore } from '../workers/data';
import { openNodeDuckDB } from '../workers/data/duckdb-node';
import { rawColumnsFromArrow } from '../workers/train/arrow-columns';
import { trainTabular } from '../models/auto/trainer';
import { DEFAULT_TABULAR_REQUEST, type TabularKind, type TabularRequest } from '../models/auto/types';
import { useFastestNodeBackend } from './node-backend';

const KINDS = ['gbdt', 'forest', 'logistic', 'mlp', 'auto'] as const;

function parseArgs(argv: string[]) {
	const [task, ...rest] = argv;
	if (task !== 'churn' && task !== 'segment') fail('usage: evaluate churn|segment --data <file.csv> --target <column> [...]');
	const flags = new Map<string, string>();
	for (let i = 0; i < rest.length; i += 2) {
		if (!rest[i].startsWith('--') || rest[i + 1] === undefined) fail(`invalid argument: ${rest[i]}`);
		flags.set(rest[i].slice(2), rest[i + 1]);
	}
	const data = flags.get('data') ?? fail('--data <file.csv> is required');
	const target = flags.get('target') ?? fail('--target <column> is required');
	const models = (flags.get('models') ?? 'auto').split(',').map((m) => m.trim());
	for (const m of models) if (!(KINDS as readonly string[]).includes(m)) fail(`invalid model: ${m} (choose among ${KINDS.join(', ')})`);
	return {
		task,
		data,
		target,
		models: models as (typeof KINDS)[number][],
		positive: flags.get('positive') ?? null,
		splitColumn: flags.get('split-column') ?? null,
		seed: Number(flags.get('seed') ?? 42),
		budgetS: Number(flags.get('budget-s') ?? 60),
		folds: Number(flags.get('folds') ?? 3)
	};
}

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

const round = (x: number) => Number(x.toFixed(4));

async function main() {
	const args = parseArgs(process.argv.slice(2));
	await useFastestNodeBackend();
	const engine = new DataEngine(await openNodeDuckDB(), new MemoryStore());
	await engine.init();
	const bytes = readFileSync(args.data);
	await engine.loadFile({ fileKey: 'cli', fileName: basename(args.data), bytes: new Uint8Array(bytes).buffer }, 'customers', DEFAULT_CSV_OPTIONS);
	const raw = rawColumnsFromArrow(tableFromIPC((await engine.exportArrow('customers')).ipc));

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
		const result = await trainTabular(raw, request, { progress: () => undefined, signal: new AbortController().signal });
		const row = result.leaderboard.find((r) => r.kind === result.best)!;
		const common = { task: args.task, model, ...(model === 'auto' ? { selected: row.kind } : {}), n_train: result.nTrain, n_test: result.nTest };
		const metrics =
			args.task === 'churn'
				? { auc: round(row.auc), pr_auc: round(row.prAuc), accuracy: round(row.accuracy), f1: round(row.f1), logloss: round(row.logloss) }
				: { accuracy: round(row.accuracy), macro_f1: round(row.macroF1), logloss: round(row.logloss) };
		// fit_ms: the final fit of the chosen configuration on the training rows; search_ms: the whole run, tuning included.
		const timing = { fit_ms: Math.round(row.fitMs), search_ms: Math.round(performance.now() - started), trials: row.trials };
		console.log(JSON.stringify({ ...common, ...metrics, ...timing }));
	}
}

// Errors print as one line: the TF.js WASM module would otherwise dump its whole source on an uncaught error.
main().catch((e: Error) => {
	console.error(`evaluate: ${e.message}`);
	process.exit(1);
});
