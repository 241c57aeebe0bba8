/**
 * A notebook with what it needs to reopen elsewhere, in one zip: the notebook
 * document, the source files of its tables and the results kept for it
 * (trained models). Reading trusts nothing in the file: every entry the
 * manifest lists is checked, entry paths are ours (never built from a key or a
 * file name) and sizes are read before anything is unpacked.
 *
 * Layout: `manifest.json`, `notebook.json`, `files/1`, `files/2`, …,
 * `results/1.json`, … (each result as `encodeKept` JSON).
 */
import { unzipSync, zipSync, type UnzipFileInfo, type Zippable } from 'fflate';
import { NotebookFileProblem } from './errors';
import { decodeKept, encodeKept } from './kept-values';

export interface BundleContent {
	/** The notebook document's JSON text (as exported). */
	notebook: string;
	/** Kept source files (the tables' CSVs). */
	files: { key: string; name: string; bytes: Uint8Array }[];
	/** Kept results (IndexedDB values). */
	results: { key: string; value: unknown }[];
}

/** Marks a zip as ours, so another zip is refused with a clear reason. */
export const BUNDLE_FORMAT = 'crm-workbench-notebook-file';
/** The layout this version writes; a file of a higher version is refused rather than misread. */
export const BUNDLE_VERSION = 1;
/** Refused before unpacking: a few kilobytes of zip can declare gigabytes. */
export const MAX_UNPACKED_BYTES = 4 * 1024 ** 3;
/** Far above any notebook; bounds the time spent listing a malformed zip. */
const MAX_ENTRIES = 100_000;

const MANIFEST = 'manifest.json';
const NOTEBOOK = 'notebook.json';
const filePath = (i: number) => `files/${i + 1}`;
const resultPath = (i: number) => `results/${i + 1}.json`;

interface Manifest {
	format: typeof BUNDLE_FORMAT;
	version: number;
	files: { key: string; name: string; bytes: number; path: string }[];
	results: { key: string; path: string }[];
}

const encoder = new TextEncoder();
// fatal: a damaged entry is refused, not read with replacement characters; ignoreBOM keeps the text as written.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The zip bytes of `content`. Throws a TypeError on keys that could not be read back (empty, repeated) and on a result `encodeKept` refuses. */
export function packBundle(content: BundleContent): Uint8Array {
	checkKeys(content.files, 'file');
	checkKeys(content.results, 'result');
	const manifest: Manifest = {
		format: BUNDLE_FORMAT,
		version: BUNDLE_VERSION,
		files: content.files.map((f, i) => ({ key: f.key, name: f.name, bytes: f.bytes.byteLength, path: filePath(i) })),
		results: content.results.map((r, i) => ({ key: r.key, path: resultPath(i) }))
	};
	const entries: Zippable = {
		[MANIFEST]: encoder.encode(JSON.stringify(manifest, null, 2)),
		[NOTEBOOK]: encoder.encode(content.notebook)
	};
	content.files.forEach((f, i) => (entries[filePath(i)] = f.bytes));
	content.results.forEach((r, i) => (entries[resultPath(i)] = encoder.encode(JSON.stringify(encodeKept(r.value)))));
	// Level 6 for all: CSV and JSON shrink several times; what does not, fflate stores as it is.
	return zipSync(entries, { level: 6 });
}

function checkKeys(items: readonly { key: string }[], what: string): void {
	const seen = new Set<string>();
	for (const { key } of items) {
		if (typeof key !== 'string' || key === '') throw new TypeError(`a kept ${what} has no key`);
		if (seen.has(key)) throw new TypeError(`two kept ${what}s have the key ${key}`);
		seen.add(key);
	}
}

/** A zip's first local file header, `PK\x03\x04` (an empty zip has none, and is no bundle). */
export function startsLikeZip(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const damaged = (detail: string) => new NotebookFileProblem('damaged', detail);
const sizeMismatch = (path: string, found: number, listed: number) => damaged(`${path} has ${found} bytes, the manifest says ${listed}`);

/** The content of a zip written by `packBundle`; throws a `NotebookFileProblem` on anything else. */
export function unpackBundle(zip: Uint8Array): BundleContent {
	if (!startsLikeZip(zip)) throw new NotebookFileProblem('not-notebook-file', 'not a zip');
	const sizes = listEntries(zip);
	if (!sizes.has(MANIFEST)) throw new NotebookFileProblem('not-notebook-file', `no ${MANIFEST}`);
	const manifest = readManifest(extract(zip, new Set([MANIFEST])).get(MANIFEST)!);
	const wanted = new Set([NOTEBOOK, ...manifest.files.map((f) => f.path), ...manifest.results.map((r) => r.path)]);
	for (const path of wanted) if (!sizes.has(path)) throw damaged(`${path} is missing`);
	// Before unpacking too: the zip's declared size is what gets allocated.
	for (const { path, bytes } of manifest.files) if (sizes.get(path) !== bytes) throw sizeMismatch(path, sizes.get(path)!, bytes);
	// Only the entries the manifest lists are unpacked; anything else in the zip is ignored.
	const entries = extract(zip, wanted);
	const files = manifest.files.map(({ key, name, bytes, path }) => {
		const data = entries.get(path)!;
		if (data.byteLength !== bytes) throw sizeMismatch(path, data.byteLength, bytes);
		return { key, name, bytes: data };
	});
	const results = manifest.results.map(({ key, path }) => {
		let value: unknown;
		try {
			value = decodeKept(JSON.parse(text(entries.get(path)!, path)));
		} catch (e) {
			throw e instanceof NotebookFileProblem ? e : damaged(`${path}: ${messageOf(e)}`);
		}
		return { key, value };
	});
	return { notebook: text(entries.get(NOTEBOOK)!, NOTEBOOK), files, results };
}

/**
 * Each entry's declared unpacked size, from the zip's directory alone (the
 * filter refuses every entry, so nothing is decompressed). Throws `too-large`
 * when the total is over `MAX_UNPACKED_BYTES`.
 */
function listEntries(zip: Uint8Array): Map<string, number> {
	const sizes = new Map<string, number>();
	let total = 0;
	unzipOrRefuse(zip, (entry) => {
		if (sizes.size >= MAX_ENTRIES) throw damaged(`more than ${MAX_ENTRIES} entries`);
		if (sizes.has(entry.name)) throw damaged(`two entries named ${entry.name}`);
		// 0: stored, 8: deflated; fflate reads no other.
		if (entry.compression !== 0 && entry.compression !== 8) throw damaged(`${entry.name}: compression ${entry.compression}`);
		sizes.set(entry.name, entry.originalSize);
		total += entry.originalSize;
		return false;
	});
	if (total > MAX_UNPACKED_BYTES) throw new NotebookFileProblem('too-large', `${total} bytes unpacked`);
	return sizes;
}

function extract(zip: Uint8Array, names: ReadonlySet<string>): Map<string, Uint8Array> {
	const unzipped = unzipOrRefuse(zip, (entry) => names.has(entry.name));
	return new Map([...names].filter((name) => Object.hasOwn(unzipped, name)).map((name) => [name, unzipped[name]]));
}

/** fflate's unzip with its errors (a cut zip, bad deflate data) turned into `damaged`, naming the entry. */
function unzipOrRefuse(zip: Uint8Array, filter: (entry: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
	let current = '';
	try {
		return unzipSync(zip, {
			filter: (entry) => {
				current = entry.name;
				return filter(entry);
			}
		});
	} catch (e) {
		if (e instanceof NotebookFileProblem) throw e;
		throw damaged(current ? `${current}: ${messageOf(e)}` : messageOf(e));
	}
}

function readManifest(bytes: Uint8Array): Manifest {
	let raw: unknown;
	try {
		raw = JSON.parse(text(bytes, MANIFEST));
	} catch {
		throw new NotebookFileProblem('not-notebook-file', `${MANIFEST} is not JSON`);
	}
	if (!isRecord(raw) || raw.format !== BUNDLE_FORMAT) throw new NotebookFileProblem('not-notebook-file', `${MANIFEST} has another format`);
	const { version, files, results } = raw;
	if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) throw damaged(`${MANIFEST}: version ${String(version)}`);
	if (version > BUNDLE_VERSION) throw new NotebookFileProblem('newer-version', `version ${version}`);
	if (!Array.isArray(files) || !Array.isArray(results)) throw damaged(`${MANIFEST}: no list of files or results`);
	const fileKeys = new Set<string>();
	const resultKeys = new Set<string>();
	return {
		format: BUNDLE_FORMAT,
		version,
		files: files.map((f: unknown, i) => {
			const where = `${MANIFEST}: file ${i + 1}`;
			if (!isRecord(f)) throw damaged(`${where} is not an object`);
			if (typeof f.name !== 'string') throw damaged(`${where} has no name`);
			if (typeof f.bytes !== 'number' || !Number.isSafeInteger(f.bytes) || f.bytes < 0) throw damaged(`${where} has no size`);
			return { key: keyOf(f, where, fileKeys), name: f.name, bytes: f.bytes, path: pathOf(f, where, filePath(i)) };
		}),
		results: results.map((r: unknown, i) => {
			const where = `${MANIFEST}: result ${i + 1}`;
			if (!isRecord(r)) throw damaged(`${where} is not an object`);
			return { key: keyOf(r, where, resultKeys), path: pathOf(r, where, resultPath(i)) };
		})
	};
}

/** The entry's key: a non-empty string not seen before in its list (a repeated key would overwrite another's data). */
function keyOf(entry: Record<string, unknown>, where: string, seen: Set<string>): string {
	const { key } = entry;
	if (typeof key !== 'string' || key === '') throw damaged(`${where} has no key`);
	if (seen.has(key)) throw damaged(`${where} repeats the key ${key}`);
	seen.add(key);
	return key;
}

/** The entry's path, which must be the one `packBundle` writes at its place: paths never come from the file. */
function pathOf(entry: Record<string, unknown>, where: string, expected: string): string {
	if (entry.path !== expected) throw damaged(`${where} has the path ${String(entry.path)}, not ${expected}`);
	return expected;
}

function text(bytes: Uint8Array, path: string): string {
	try {
		return decoder.decode(bytes);
	} catch {
		throw damaged(`${path} is not UTF-8 text`);
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
