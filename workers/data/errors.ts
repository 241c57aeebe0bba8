/**
 * Errors that reach the user. Comlink copies only `name` and `message` of an
 * Error, so every message here is a complete sentence a CRM analyst can act on.
 */
import { lockdownMessage } from './lockdown';
import { EW } from './error-words';

/** Throws a plain `Error` (the only kind Comlink serialises faithfully). */
export function fail(message: string): never {
	throw new Error(message);
}

/** The text of anything thrown (DuckDB throws Errors; be defensive about strings). */
export function messageOf(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/** Drops DuckDB's repeated "LINE n: ..." caret blocks after the first one. */
function firstLineBlock(text: string): string {
	const at = text.indexOf('\nLINE ');
	if (at < 0) return '';
	const block = text.slice(at + 1).split('\n\n')[0];
	return `\n\n${block}`;
}

/** First paragraph of a DuckDB message without its "Xxx Error: " prefix. */
function headline(text: string): string {
	return text.replace(/^[A-Za-z ]+ Error: /, '').split('\n')[0];
}

/**
 * Rewrites a DuckDB error in plain words, keeping the useful part of the
 * original (names, the caret pointing at the position).
 *
 * @param known names of the tables and views, listed when a name is unknown
 */
export function rewriteDuckDbError(e: unknown, known: string[] = []): Error {
	const text = messageOf(e);
	const refused = lockdownMessage(text);
	if (refused) return new Error(refused);
	const where = firstLineBlock(text);
	const missing = /^Catalog Error: Table with name (.+?) does not exist!/.exec(text);
	if (missing) {
		return new Error(`${EW.noTable(missing[1], known.length ? EW.knownTables(known) : EW.noTables)}${where}`);
	}
	const syntax = /^Parser Error: syntax error at (?:or near (.+)|end of input)/.exec(text);
	if (syntax) {
		return new Error(`${EW.syntax(syntax[1] ? EW.syntaxNear(syntax[1]) : EW.syntaxAtEnd)}${where}`);
	}
	const column = /^Binder Error: Referenced column (.+?) not found in FROM clause!(?:\nCandidate bindings: (.+))?/.exec(text);
	if (column) {
		const hint = column[2] ? EW.didYouMean(column[2].split(', ').slice(0, 5).join(', ')) : '';
		return new Error(`${EW.noColumn(column[1], hint)}${where}`);
	}
	const conversion = /^Conversion Error: (.+)/.exec(text);
	if (conversion) return new Error(`${EW.conversion(conversion[1])}${where}`);
	if (/^Out of Memory Error/.test(text) || /memory access out of bounds/i.test(text)) {
		return new Error(EW.outOfMemory);
	}
	return new Error(`${headline(text)}${where}`);
}
