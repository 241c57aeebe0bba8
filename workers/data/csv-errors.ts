/** Plain-language explanations of CSV imports that DuckDB could not read. */
import type { Delimiter } from './csv-sniff';
import { rewriteDuckDbError } from './errors';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Line (1-based) where a `"` opens a field that is never closed, or 0.
 * DuckDB only says it "could not detect the dialect" for such files, so we
 * look ourselves (on the error path only: one pass over the bytes).
 */
export function unclosedQuoteLine(utf8: Uint8Array, delimiter: Delimiter): number {
	const delim = delimiter.charCodeAt(0);
	let line = 1;
	let openedOn = 0;
	let fieldStart = true;
	for (let i = 0; i < utf8.length; i++) {
		const b = utf8[i];
		if (b === LF) line++;
		if (openedOn) {
			if (b !== QUOTE) continue;
			if (utf8[i + 1] === QUOTE) i++; // "" inside quotes
			else {
				openedOn = 0;
				fieldStart = false;
			}
		} else if (b === QUOTE && fieldStart) openedOn = line;
		else fieldStart = b === delim || b === LF || b === CR;
	}
	return openedOn;
}

/** A DuckDB error still in DuckDB's words ("Invalid Input Error: …"). */
export function isRawDuckDbError(e: unknown): boolean {
	return e instanceof Error && /^[A-Z][A-Za-z ]+ Error: /.test(e.message);
}

/**
 * The user-facing error for a failed import: an unclosed quote by line,
 * otherwise DuckDB's headline with our internal file name replaced.
 */
export function explainImportError(e: unknown, utf8: Uint8Array, delimiter: Delimiter, fileName: string, internalName: string, known: string[]): Error {
	if (!isRawDuckDbError(e)) return e instanceof Error ? e : new Error(String(e));
	const quoteLine = unclosedQuoteLine(utf8, delimiter);
	if (quoteLine) {
		return new Error(`Could not read "${fileName}": a quote (") opened on line ${quoteLine.toLocaleString('en-US')} is never closed. Fix or remove that quote in the file and try again.`);
	}
	const message = (e as Error).message;
	if (/not possible to automatically detect the CSV parsing dialect/.test(message)) {
		return new Error(`Could not read "${fileName}" as CSV: its rows do not share one structure with the "${delimiter === '\t' ? 'tab' : delimiter}" delimiter. Try choosing the delimiter by hand.`);
	}
	const plain = rewriteDuckDbError(new Error(message.replaceAll(internalName, fileName)), known).message.split('\n')[0];
	return new Error(`Could not read "${fileName}" as CSV: ${plain}`);
}
