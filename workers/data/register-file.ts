/**
 * Hands DuckDB the bytes of a file to import. `registerFileBuffer` copies the
 * whole file into DuckDB's WebAssembly heap, and that heap (4 GiB at most,
 * with the tables in it) is what limits how large a file the tab can load;
 * so in a browser worker the file is registered as a Blob instead, which
 * DuckDB reads in pieces through FileReaderSync and which stays outside the
 * heap. Node (the tests, the CLI) has no FileReaderSync: there, the copy.
 */
import type { Db } from './db';

/** `DuckDBDataProtocol.BROWSER_FILEREADER` (the enum lives in the browser build, not loaded in Node). */
const BROWSER_FILEREADER = 2;

export function registerFile(db: Db, name: string, bytes: Uint8Array): void {
	if (typeof (globalThis as { FileReaderSync?: unknown }).FileReaderSync === 'function') {
		db.bindings.registerFileHandle(name, new Blob([bytes as Uint8Array<ArrayBuffer>]), BROWSER_FILEREADER, true);
		return;
	}
	db.bindings.registerFileBuffer(name, bytes);
}
