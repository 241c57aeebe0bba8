/**
 * Table names derived from file names, safe to type in SQL without quotes.
 * Used by the UI when a file is dropped (the worker never renames tables).
 */

const EXTENSIONS = /\.(csv|tsv|txt|tab|dat|xlsx|xlsm|xlsb|xls|ods|fods|parquet|json|ndjson|jsonl|geojson)$/i;

/**
 * `wa_churn.csv` → `wa_churn`; `Clients été 2024.csv` → `clients_ete_2024`;
 * `2024 sales.csv` → `t_2024_sales`; unique among `existing` with `_2`, `_3`…
 *
 * @param existing names already taken (compared case-insensitively, as DuckDB does)
 */
export function sanitizeTableName(fileName: string, existing: string[] = []): string {
	const base = fileName.replace(/^.*[\\/]/, '').replace(EXTENSIONS, '');
	let name = base
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD
		.toLowerCase()
		.replace(/[^a-z0-9_]+/g, '_')
		.replace(/_+/g, '_')
		.replace(/^_|_$/g, '');
	if (!name) name = 'table';
	if (/^\d/.test(name)) name = `t_${name}`;
	const taken = new Set(existing.map((n) => n.toLowerCase()));
	if (!taken.has(name)) return name;
	for (let i = 2; ; i++) if (!taken.has(`${name}_${i}`)) return `${name}_${i}`;
}
