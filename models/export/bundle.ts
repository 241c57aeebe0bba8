/**
 * The production bundle: what a data team needs to run a workbench model on
 * all customers with the engines it already has — the model (ONNX, and
 * XGBoost's JSON for boosted trees), `features.json`, the notebook's data
 * steps as `pipeline.sql` for native DuckDB, `score.py` (pandas, Dask or
 * Spark) and a README with the commands. Pure: the caller brings the SQL
 * and the script's text (the worker imports it, the CLI reads it from disk).
 */
import type { GbdtState } from '../gbdt';
import type { ModelState } from '../types';
import { exportOnnx } from './onnx-export';
import { pipelineSpec, type PipelineSpec } from './pipeline-spec';
import { xgboostJsonText } from './xgboost-json';
import { bundleReadme } from './bundle-readme';

export interface BundleRequest {
	state: ModelState;
	/** The model's name as the leaderboard shows it. */
	label: string;
	/** The table the model was trained on, as the notebook names it (pipeline.sql builds it). */
	table: string;
	target: string;
	idColumn: string | null;
	decision: PipelineSpec['decision'];
	/** The notebook's data steps that build `table` (src/lib/cells/pipeline-sql.ts). */
	pipelineSql: string;
	/** The text of `score.py`. */
	scoreScript: string;
}

/** File name → contents. */
export type BundleFiles = Record<string, Uint8Array>;

const text = (s: string) => new TextEncoder().encode(s);

/** A SQL string literal or identifier, quoted for DuckDB. */
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
const identifier = (s: string) => `"${s.replaceAll('"', '""')}"`;

export function productionBundle(req: BundleRequest): BundleFiles {
	const spec = pipelineSpec(req.state, { target: req.target, label: req.label, idColumn: req.idColumn, decision: req.decision });
	const files: BundleFiles = {
		'model.onnx': exportOnnx(req.state, { label: req.label, target: req.target }),
		'features.json': text(JSON.stringify(spec, null, 2) + '\n'),
		// The last step writes the model's table where score.py reads it.
		'pipeline.sql': text(`${req.pipelineSql.trimEnd()}\n\n-- The model's input for score.py.\nCOPY ${identifier(req.table)} TO ${literal(`${req.table}.parquet`)} (FORMAT parquet);\n`),
		'score.py': text(req.scoreScript),
		'README.md': text(bundleReadme(spec, req.table))
	};
	if (spec.files.xgboost) files[spec.files.xgboost] = text(xgboostJsonText(req.state as GbdtState));
	return files;
}
