/** SQL quoting helpers: every identifier and literal we build goes through these. */

/** `my "table"` → `"my ""table"""`: a DuckDB identifier, whatever characters it holds. */
export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** `it's` → `'it''s'`: a DuckDB string literal. */
export function quoteString(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}
