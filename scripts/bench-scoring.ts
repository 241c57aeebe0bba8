/**
 * Scoring bench: the churn cell's two steps on a table, run through the
 * training worker's own engine code (Arrow bytes in, as the cell sends them).
 *
 *   npx tsx scripts/bench-scoring.ts --data datasets/wa_churn.csv --target churn --positive Yes [--budget-s 10] [--reasons 300]
 *
 * Trains the four kinds in automatic mode (the same trainer as the cell), blends
 * all four, then times (1) probabilities for every row and (2) the reasons of the
 * riskiest customers, with the rows and sampling the churn cell asks for
 * (`src/lib/cells/churn/reason-plan.ts`; `--reasons N` explains N rows instead). Prints one JSON line:
 * {rows, members, probabilities_ms, reasons_ms, reasons_rows, method}.
 * `--model-file blend.crm-model.json` also writes the blend as a model file, to
 * import in the churn cell ("Import a model") and time the same steps in the browser.
 */
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { DataEngine, DEFAULT_CSV_OPTIONS, MemoryStore } from '../workers/data';
import { openNodeDuckDB } from '../workers/data/duckdb-node';
import { rawColumnsFromArrow } from '../workers/train/arrow-columns';
import { scoreTable } from '../workers/train/tabular';
import { explainTable } from '../workers/train/explain';
import { trainTabular, makeEnsemble, DEFAULT_TABULAR_REQUEST, ENSEMBLE_KIND } from '../models/auto';
import { decodeState, encodeState } from '../models/shared';
import type { ModelState } from '../models';
import { MODEL_CATALOG, TABULAR_KINDS } from '../models/catalog';
import { readFileSync, writeFileSync } from 'node:fs';
import { serializeModel } from '../src/lib/cells/churn/model-file';
import { basename } from 'node:path';
import { useFastestNodeBackend } from './node-backend';
import { REASON_ROWS, REASON_SAMPLING, reasonRows } from '../src/lib/cells/churn/reason-plan';

function flag(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
	const backend = await useFastestNodeBackend();
	const file = flag('data', 'datasets/wa_churn.csv');
	const engine = new DataEngine(await openNodeDuckDB(), new MemoryStore());
	await engine.init();
	await engine.loadFile({ fileKey: 'bench', fileName: basename(file), bytes: new Uint8Array(readFileSync(file)).buffer }, 'customers', DEFAULT_CSV_OPTIONS);
	const ipc = (await engine.exportArrow('customers')).ipc;
	const raw = rawColumnsFromArrow(tableFromIPC(ipc));
	const request = { ...DEFAULT_TABULAR_REQUEST, target: flag('target', 'churn'), positive: flag('positive', 'Yes'), budgetS: Number(flag('budget-s', '10')), mode: 'auto' as const };
	const result = await trainTabular(raw, request, { progress: () => undefined, signal: new AbortController().signal });
	const kinds = TABULAR_KINDS;
	const members = kinds.map((kind) => ({ kind, state: decodeState<ModelState>(result.models[kind]!.state) }));
	const state = encodeState(makeEnsemble(members));
	const modelFile = flag('model-file', '');
	if (modelFile) {
		const label = `${MODEL_CATALOG[ENSEMBLE_KIND].label} (all ${kinds.length} kinds)`;
		writeFileSync(modelFile, serializeModel({ kind: ENSEMBLE_KIND, label, target: result.target, classes: result.classes, features: result.features, state, background: result.background, metrics: {} }));
	}

	// Fresh bytes per step: the cell transfers its own copy to each call.
	const bytes = () => ({ ipc: tableToIPC(tableFromIPC(ipc)) });
	let started = performance.now();
	const scored = await scoreTable(bytes(), state);
	const probabilitiesMs = performance.now() - started;
	const k = scored.classes.length;
	const probability = Array.from({ length: scored.rows }, (_, r) => scored.probabilities[r * k + k - 1]);
	const byRisk = probability.map((_, r) => r).sort((a, b) => probability[b] - probability[a] || a - b);
	const rows = reasonRows(ENSEMBLE_KIND, byRisk).slice(0, Number(flag('reasons', String(REASON_ROWS))));

	started = performance.now();
	const explained = await explainTable({ jobId: 'bench', table: bytes(), state, background: result.background, rows, reasons: true, ...REASON_SAMPLING }, new AbortController().signal);
	const reasonsMs = performance.now() - started;
	console.log(JSON.stringify({ backend, rows: scored.rows, members: kinds, probabilities_ms: Math.round(probabilitiesMs), reasons_ms: Math.round(reasonsMs), reasons_rows: rows.length, method: explained.data.method, first_reasons: explained.reasons?.[0] }));
}

main().catch((e: Error) => {
	console.error(`bench-scoring: ${e.message}`);
	process.exit(1);
});
