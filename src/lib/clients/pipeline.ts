/**
 * The data worker's part of a notebook's `pipeline.sql`: the SQL that loads a
 * data cell's file as the workbench did (asked of the worker: the kept bytes
 * and the table's columns) and the statements a SQL cell runs. Pure SQL
 * building lives in `workers/data/pipeline-load.ts`.
 */
import { pipelineLoadSql, type LoadSource } from '$workers/data/pipeline-load';
import { getData } from './data';

export { comment as sqlComment, loadSql, pipelineLoadSql, sqlCellStatements } from '$workers/data/pipeline-load';
export type { LoadFacts, LoadSource } from '$workers/data/pipeline-load';

/**
 * The `CREATE OR REPLACE TABLE` that loads `source` in native DuckDB as the
 * workbench loaded it. Reads the file's kept copy into the page (once, on
 * export) to sniff it and sample its values.
 */
export function dataLoadSql(source: LoadSource): Promise<string> {
	return pipelineLoadSql(getData(), source);
}
