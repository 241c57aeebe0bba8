/**
 * A notebook as one self-contained file: its document, the files its tables
 * were loaded from (kept in OPFS) and its kept results (fitted models, in
 * IndexedDB), zipped, and sealed with a passphrase when the user gives one
 * (AES-GCM, key from PBKDF2: `$lib/storage/notebook-file`). Opening one puts
 * the files and results back before the notebook shows, so its tables load
 * and its models show without training again, in any browser.
 *
 * Loaded on demand (the zip library is not part of the first page).
 */
import { cellSchemas, holdingsOf, keptFileName } from '$lib/cells';
import { getData } from '$lib/clients/data';
import { parseNotebook, type LoadedNotebook, type Notebook } from '$lib/notebook';
import { decryptBytes, encryptBytes, notebookFileKind, NotebookFileProblem, packBundle, unpackBundle, type BundleContent } from '$lib/storage/notebook-file';
import { loadResult, saveResult } from '$lib/storage/results';

export { NotebookFileProblem };

/** The file's bytes: the document as exported (`json`) with what `doc` keeps; encrypted when `passphrase` is not ''. */
export async function notebookFileBytes(doc: Notebook, json: string, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
	const held = holdingsOf(doc.cells);
	const files: BundleContent['files'] = [];
	for (const key of held.files) {
		const bytes = await getData().readStoredFile(key);
		// A data cell whose file is gone (deleted elsewhere) has nothing to carry; it says so when it runs.
		if (!bytes) continue;
		files.push({ key, name: keptFileName(doc.cells, key), bytes });
	}
	const results: BundleContent['results'] = [];
	for (const key of held.results) {
		const value = await loadResult<unknown>(key);
		if (value !== null) results.push({ key, value });
	}
	const zip = packBundle({ notebook: json, files, results });
	return passphrase ? encryptBytes(zip, passphrase) : (zip as Uint8Array<ArrayBuffer>);
}

/** Whether a file needs a passphrase to open (read from its first bytes). */
export function needsPassphrase(bytes: Uint8Array): boolean {
	return notebookFileKind(bytes) === 'encrypted';
}

/** An opened file: the notebook (checked) and what it carries, not yet written anywhere. */
export interface OpenedFile extends LoadedNotebook {
	content: Pick<BundleContent, 'files' | 'results'>;
}

/**
 * Reads a notebook file: plain JSON (`.json`), a bundle, or an encrypted
 * bundle (with `passphrase`). Throws `NotebookFileProblem` (wrong passphrase,
 * altered, damaged…) or `NotebookFileError` (the document inside is not
 * valid); nothing is written in either case.
 */
export async function readNotebookFile(bytes: Uint8Array, passphrase = ''): Promise<OpenedFile> {
	const kind = notebookFileKind(bytes);
	if (kind === 'json' || kind === 'unknown') {
		// `parseNotebook` says in words why a file that is not a notebook is refused.
		return { ...parseNotebook(new TextDecoder().decode(bytes), cellSchemas), content: { files: [], results: [] } };
	}
	const zip = kind === 'encrypted' ? await decryptBytes(bytes, passphrase) : bytes;
	const bundle = unpackBundle(zip);
	const loaded = parseNotebook(bundle.notebook, cellSchemas);
	// Only what the notebook's cells refer to is kept: a file cannot slip other entries into this browser.
	const held = holdingsOf(loaded.doc.cells);
	return {
		...loaded,
		content: {
			files: bundle.files.filter((f) => held.files.includes(f.key)),
			results: bundle.results.filter((r) => held.results.includes(r.key))
		}
	};
}

/**
 * Writes what an opened file carries into this browser. A key already kept
 * here is left as it is: it belongs to this same notebook opened before (keys
 * are random), and a file must never replace another notebook's data.
 */
export async function keepOpened(content: OpenedFile['content']): Promise<void> {
	for (const file of content.files) {
		if (!(await getData().hasStoredFile(file.key))) await getData().keepFile(file.key, file.bytes);
	}
	for (const result of content.results) {
		if ((await loadResult(result.key)) === null) await saveResult(result.key, result.value);
	}
}
