/**
 * Which relations a SQL text mentions, before DuckDB has parsed it: enough to
 * order cells on opening a notebook (a view after the tables it reads) and to
 * re-run a query that failed because its table was not loaded yet.
 */

/**
 * The names among `known` that `sql` mentions as a word or a double-quoted
 * name, case-insensitive as DuckDB names are. A word in a comment or a string
 * counts too: at worst the cell runs once more, never once too few.
 */
export function mentionedIn(sql: string, known: string[]): string[] {
	const text = sql.toLowerCase();
	const words = new Set(text.match(/[\p{L}\p{N}_]+/gu) ?? []);
	return known.filter((name) => {
		const lower = name.toLowerCase();
		return words.has(lower) || text.includes(`"${lower.replaceAll('"', '""')}"`);
	});
}
