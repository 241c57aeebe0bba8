/**
 * The README inside a production bundle. It is written for the data team
 * that runs the bundle (like score.py and the SQL, in English, the language
 * of the tools it names), whatever the interface's language was.
 */
import type { PipelineSpec } from './pipeline-spec';

export function bundleReadme(spec: PipelineSpec, table: string): string {
	const model = spec.engine === 'xgboost' ? '`model.xgboost.json` with XGBoost (`model.onnx` holds the same trees for ONNX Runtime)' : '`model.onnx` with ONNX Runtime';
	const output =
		spec.task === 'binary'
			? `\`probability\` (P(${spec.target} = ${spec.positiveClass})), \`predicted_class\` (${spec.positiveClass} from ${spec.decision?.threshold} up) and \`risk_level\` (High from ${spec.decision?.riskHigh}, Medium from ${spec.decision?.riskMedium})`
			: `\`probability\` and \`predicted_class\` (the most likely of ${spec.classes.join(', ')}) and one \`probability_<class>\` per class`;
	const inputs = spec.columns.map((c) => `| ${c.name} | ${c.type} | ${c.input} | ${c.type === 'categorical' ? `${c.levels?.length ?? 0} categories` : c.imputation === null || c.imputation === undefined ? 'missing values follow the trees' : `missing → ${c.imputation}`} |`).join('\n');
	return `# ${spec.label}: predicting ${spec.target}

Exported from the CRM workbench to score every customer outside the browser, with the same
features and the same probabilities as in the notebook.

| file | what it is |
| --- | --- |
| \`pipeline.sql\` | the notebook's data steps that build \`${table}\`, for native DuckDB, ending with \`${table}.parquet\` |
| \`features.json\` | the model's columns, types, categories, imputation, classes and decision rule |
| \`model.onnx\` | the model with its preprocessing: raw columns in, \`probabilities\` out (ONNX Runtime, any language) |
${spec.files.xgboost ? '| `model.xgboost.json` | the same boosted trees for XGBoost (Python, R, the JVM, Spark) |\n' : ''}| \`score.py\` | scores a CSV or Parquet file or folder with pandas, Dask or Spark |

## 1. Build the table on the full files

Put the data files the notebook loaded next to \`pipeline.sql\`, then:

\`\`\`sh
duckdb customers.duckdb < pipeline.sql     # writes ${table}.parquet
\`\`\`

## 2. Score

\`score.py\` scores with ${model}. It needs Python 3.9+, pandas and numpy, and
${spec.engine === 'xgboost' ? '`xgboost` (Debian: `python3-xgboost`)' : '`onnxruntime` (`pip install onnxruntime`)'}.

\`\`\`sh
python3 score.py ${table}.parquet scores.csv                          # pandas, one machine
python3 score.py ${table}.parquet scores.csv --engine dask            # Dask, a local cluster on every core
python3 score.py parts/ scores/ --engine dask --scheduler tcp://scheduler:8786   # an existing Dask cluster
spark-submit score.py hdfs:///customers/ hdfs:///scores/ --engine spark          # Spark (mapInPandas)
\`\`\`

Dask needs \`dask[distributed]\` (Debian: \`python3-dask python3-distributed\`); Spark needs \`pyspark\`.
The output has ${spec.idColumn ? `\`${spec.idColumn}\`` : '`row` (the input row number)'}, ${output}.

## Inputs

Missing numbers may be empty or NaN; missing categories empty. A category the model never saw
counts as missing, as in the workbench.

| column | type | ONNX input | preprocessing |
| --- | --- | --- | --- |
${inputs}
${spec.blend ? `\nThis model is a blend of ${spec.blend.members.map((m) => m.label).join(' and ')}: the normalised geometric mean of their probabilities, computed inside \`model.onnx\`.\n` : ''}`;
}
