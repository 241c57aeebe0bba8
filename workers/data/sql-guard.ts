/**
 * A first look at a SQL cell before DuckDB sees it: statements that would
 * load code or outside databases, or read or write another host, are refused
 * with a message and nothing runs. DuckDB's own lockdown (lockdown.ts) is the
 * guard that holds whatever this scan misses (a URL built by `||`, say); this
 * one exists to answer early and clearly.
 */
import { fail } from './errors';
import { isRemote, remoteRefusal } from './lockdown';
import { EW } from './error-words';
import type { SqlToken } from './sql-lex';

/** Statements that fetch extensions or outside databases. */
const BLOCKED = new Set(['install', 'load', 'attach', 'force']);
/** Table functions that read files (DuckDB's and its extensions'). */
const FILE_FUNCTION = /^(read_\w+|\w+_scan|glob|sniff_csv|parquet_\w+|iceberg_\w+|delta_\w+)$/i;
/** Words after which a string is a file to read or write. */
const FILE_POSITION = new Set(['from', 'join', 'to', 'attach']);

const unquote = (raw: string) => raw.slice(1, -1).replaceAll("''", "'");

/** The first URL of another host the statement reads or writes, or null. */
export function remoteTarget(tokens: SqlToken[]): string | null {
	const url = (t: SqlToken | undefined) => (t?.kind === 'string' && isRemote(unquote(t.text)) ? unquote(t.text) : null);
	const first = tokens.find((t) => url(t));
	if (!first) return null;
	const readsFiles =
		tokens[0]?.text.toLowerCase() === 'copy' ||
		tokens.some((t, i) => t.kind === 'word' && FILE_FUNCTION.test(t.text) && tokens[i + 1]?.text === '(') ||
		tokens.some((t, i) => url(t) && FILE_POSITION.has(tokens[i - 1]?.text.toLowerCase() ?? ''));
	return readsFiles ? url(first) : null;
}

/** Throws a worded error when any statement must not run. */
export function refuseOutsideAccess(statements: { tokens: SqlToken[] }[]): void {
	for (const { tokens } of statements) {
		const first = tokens[0]?.text.toLowerCase() ?? '';
		if (BLOCKED.has(first)) fail(EW.notAvailable(first.toUpperCase(), EW.noOutsideCode));
		const url = remoteTarget(tokens);
		if (url) fail(remoteRefusal(url));
	}
}
