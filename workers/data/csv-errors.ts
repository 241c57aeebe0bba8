/** Plain-language explanations of CSV imports that DuckDB could not read. */
import type { Delimiter } from './csv-sniff';
import { rewriteDuckDbError } from './errors';
import { EW } from './error-words';

/** A DuckDB error still in DuckDB's words ("Invalid Input Error: …"). */
export function isRawDuckDbError(e: unknown): boolean {
	return e instanceof Error && /^[A-Z][A-Za-z ]+ Error: /.test(e.message);
}

/**
 * The user-facing error for a failed import: DuckDB's headline with our
 * internal file name replaced. (Unclosed quotes and over-long rows are refused
 * before DuckDB reads the file, by line: see `scanCsv`.)
 */
export function explainImportError(e: unknown, delimiter: Delimiter, fileName: string, internalName: string, known: string[]): Error {
	if (!isRawDuckDbError(e)) return e instanceof Error ? e : new Error(String(e));
	const message = (e as Error).message;
	if (/not possible to automatically detect the CSV parsing dialect/.test(message)) {
		return new Error(EW.ragged(fileName, delimiter === '\t' ? EW.tab : delimiter));
	}
	const plain = rewriteDuckDbError(new Error(message.replaceAll(internalName, fileName)), known).message.split('\n')[0];
	return new Error(EW.notCsv(fileName, plain));
}
