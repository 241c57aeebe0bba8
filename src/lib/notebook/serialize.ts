/**
 * Notebook files in and out: validation against the version and schema, and
 * migrations of older versions. A bad file throws a `NotebookFileError` with a
 * message for the user and changes nothing.
 */
import { NOTEBOOK_VERSION, type Notebook, type NotebookCell } from './types';

export class NotebookFileError extends Error {
	override name = 'NotebookFileError';
}

/** Checks one cell's params for its type: a problem in words, or null when fine. */
export type CellCheck = (type: string, params: Record<string, unknown>) => string | null;

/** A cell type's default params (null for an unknown type): what a document lacks is filled from them. */
export type CellDefaults = (type: string) => Record<string, unknown> | null;

/** Marks a file as ours, so a random JSON file is refused with a clear reason. */
export const FILE_FORMAT = 'crm-workbench-notebook';

interface NotebookFile extends Notebook {
	format: typeof FILE_FORMAT;
}

/** The exported `.json` text. */
export function serializeNotebook(doc: Notebook): string {
	// Trust belongs to this browser, never to a file: whoever opens it decides again.
	const { untrusted: _, ...content } = doc;
	const file: NotebookFile = { format: FILE_FORMAT, ...content };
	return JSON.stringify(file, null, 2);
}

/** Older versions upgrade one step at a time; none exist yet beyond version 1. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(message: string): never {
	throw new NotebookFileError(message);
}

function parseCell(raw: unknown, at: number, check: CellCheck, defaults: CellDefaults): NotebookCell {
	const where = `cell ${at + 1}`;
	if (!isRecord(raw)) fail(`This notebook file is damaged: ${where} is not an object.`);
	const { id, type, title = '', collapsed = false, params } = raw;
	if (typeof id !== 'string' || id === '') fail(`This notebook file is damaged: ${where} has no id.`);
	if (typeof type !== 'string') fail(`This notebook file is damaged: ${where} has no type.`);
	if (typeof title !== 'string') fail(`This notebook file is damaged: ${where} has a title that is not text.`);
	if (typeof collapsed !== 'boolean') fail(`This notebook file is damaged: ${where} has an invalid "collapsed" flag.`);
	if (!isRecord(params)) fail(`This notebook file is damaged: ${where} (${type}) has no parameters.`);
	// A document written before a parameter existed gets its default, then the whole is checked.
	const complete = { ...(defaults(type) ?? {}), ...params };
	const problem = check(type, complete);
	if (problem) fail(`This notebook file cannot be opened: ${where} (${type}): ${problem}`);
	return { id, type, title, collapsed, params: complete };
}

const noDefaults: CellDefaults = () => null;

/** Parses and validates an exported notebook; throws `NotebookFileError` on any problem. */
export function parseNotebook(text: string, check: CellCheck, defaults: CellDefaults = noDefaults): Notebook {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		fail('This file is not a notebook: it is not valid JSON.');
	}
	if (!isRecord(raw) || raw.format !== FILE_FORMAT) {
		fail('This file is not a CRM Workbench notebook (its "format" field is missing or different).');
	}
	return validateNotebook(raw, check, defaults);
}

/**
 * A notebook as this browser stored it, through the same checks, migrations
 * and defaults as a file (a document saved by an older version of the
 * workbench is upgraded on open); its trust stays as this browser set it.
 */
export function readStoredNotebook(raw: unknown, check: CellCheck, defaults: CellDefaults = noDefaults): Notebook {
	if (!isRecord(raw)) fail('This notebook in the browser\'s storage is damaged: it is not an object.');
	const doc = validateNotebook(raw, check, defaults);
	return raw.untrusted === true ? { ...doc, untrusted: true } : doc;
}

function validateNotebook(raw: Record<string, unknown>, check: CellCheck, defaults: CellDefaults): Notebook {
	let doc: Record<string, unknown> = raw;
	const version = doc.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		fail('This notebook file has no valid version number.');
	}
	if (version > NOTEBOOK_VERSION) {
		fail(`This notebook was saved by a newer version of the workbench (file version ${version}, this one reads up to ${NOTEBOOK_VERSION}).`);
	}
	for (let v = version; v < NOTEBOOK_VERSION; v++) doc = MIGRATIONS[v](doc);
	const { id, title, cells } = doc;
	if (typeof id !== 'string' || id === '') fail('This notebook file is damaged: it has no id.');
	if (typeof title !== 'string') fail('This notebook file is damaged: its title is not text.');
	if (!Array.isArray(cells)) fail('This notebook file is damaged: it has no list of cells.');
	const parsed = cells.map((c, at) => parseCell(c, at, check, defaults));
	const ids = new Set(parsed.map((c) => c.id));
	if (ids.size !== parsed.length) fail('This notebook file is damaged: two cells share an id.');
	return { version: NOTEBOOK_VERSION, id, title, cells: parsed };
}
