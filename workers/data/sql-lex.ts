/**
 * A tiny SQL scanner: enough to split a cell into statements, drop comments,
 * find the leading keyword and the identifiers (for `reads`). DuckDB's own
 * tokenizer reports byte offsets and skips comments, which makes it awkward
 * for this; the grammar needed here is small.
 */

export interface SqlToken {
	kind: 'word' | 'quoted' | 'string' | 'symbol';
	/** For identifiers: the name (quotes removed); otherwise the raw text. */
	text: string;
}

/** Splits `sql` into statements, each as tokens; comments and empty statements are dropped. */
export function scanStatements(sql: string): { text: string; tokens: SqlToken[] }[] {
	const statements: { text: string; tokens: SqlToken[] }[] = [];
	let tokens: SqlToken[] = [];
	let text = '';
	const finish = () => {
		if (tokens.length) statements.push({ text: text.trim(), tokens });
		tokens = [];
		text = '';
	};
	let i = 0;
	while (i < sql.length) {
		const ch = sql[i];
		const start = i;
		if (/\s/.test(ch)) {
			i++;
			text += ch;
			continue;
		}
		if (sql.startsWith('--', i)) {
			const end = sql.indexOf('\n', i);
			i = end < 0 ? sql.length : end;
			continue;
		}
		if (sql.startsWith('/*', i)) {
			const end = sql.indexOf('*/', i + 2);
			i = end < 0 ? sql.length : end + 2;
			text += ' ';
			continue;
		}
		if (ch === ';') {
			i++;
			finish();
			continue;
		}
		if (ch === "'" || ch === '"') {
			i++;
			while (i < sql.length && !(sql[i] === ch && sql[i + 1] !== ch)) i += sql[i] === ch ? 2 : 1;
			i++;
			const raw = sql.slice(start, i);
			tokens.push(
				ch === '"'
					? { kind: 'quoted', text: raw.slice(1, -1).replaceAll('""', '"') }
					: { kind: 'string', text: raw }
			);
			text += raw;
			continue;
		}
		const word = /^[\p{L}_][\p{L}\p{N}_$]*/u.exec(sql.slice(i, i + 256));
		if (word) {
			i += word[0].length;
			tokens.push({ kind: 'word', text: word[0] });
			text += word[0];
			continue;
		}
		i++;
		tokens.push({ kind: 'symbol', text: ch });
		text += ch;
	}
	finish();
	return statements;
}

/** Statements that return rows and can be the body of `CREATE VIEW … AS`. */
const QUERY_KEYWORDS = new Set(['select', 'with', 'from', 'values', 'table', 'pivot', 'unpivot', '(']);
/** Statements that return rows but cannot be a view body: wrapped as `SELECT * FROM (…)`. */
const WRAPPED_KEYWORDS = new Set(['summarize', 'describe', 'show']);

/** How a single statement can become a view, or null when it is not a query. */
export function queryKind(tokens: SqlToken[]): 'plain' | 'wrapped' | null {
	const first = tokens[0];
	if (!first) return null;
	const word = first.text.toLowerCase();
	if (first.kind === 'symbol' && word === '(') return 'plain';
	if (first.kind !== 'word') return null;
	if (QUERY_KEYWORDS.has(word)) return 'plain';
	if (WRAPPED_KEYWORDS.has(word)) return 'wrapped';
	return null;
}

/** Identifier names in order of first appearance (words and quoted names). */
export function identifiers(tokens: SqlToken[]): string[] {
	return tokens.filter((t) => t.kind === 'word' || t.kind === 'quoted').map((t) => t.text);
}
