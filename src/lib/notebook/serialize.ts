/**
 * Notebook files in and out: validation against the version and schema, and
 * migrations of older versions. A bad file throws a `NotebookFileError` with a
 * message for the user and changes nothing.
 */
import { readParams, type AnyParamSchema } from './params';
import { readRecord } from './record';
import { NOTEBOOK_VERSION, type Notebook, type NotebookCell } from './types';

export class NotebookFileError extends Error {
	override name = 'NotebookFileError';
}

/**
 * The param schema of a cell type, from the cell registry; null when the type
 * is unknown. The notebook layer knows no cell: the caller passes this lookup.
 */
export type CellSchemas = (type: string) => AnyParamSchema | null;

/** A document read from a file or from this browser, with notes on what was left out of it. */
export interface LoadedNotebook {
	doc: Notebook;
	/** One sentence per cell that had params this version does not know (they were dropped). */
	notes: string[];
}

/** Marks a file as ours, so a random JSON file is refused with a clear reason. */
export const FILE_FORMAT = 'crm-workbench-notebook';

interface NotebookFile extends Notebook {
	format: typeof FILE_FORMAT;
}

/**
 * `doc` with every secret param (see `ParamField.secret`) back to its empty
 * default: what a file that is not encrypted may carry. The cell makes a new
 * key when it next runs.
 */
export function withoutSecrets(doc: Notebook, schemas: CellSchemas): Notebook {
	const cells = doc.cells.map((cell) => {
		const schema = schemas(cell.type);
		const secret = schema ? Object.keys(schema).filter((k) => schema[k].secret && k in cell.params) : [];
		if (!secret.length) return cell;
		return { ...cell, params: { ...cell.params, ...Object.fromEntries(secret.map((k) => [k, schema![k].initial?.() ?? ''])) } };
	});
	return { ...doc, cells };
}

/** The exported `.json` text (secrets included: callers writing a plain file take them out with `withoutSecrets`). */
export function serializeNotebook(doc: Notebook): string {
	// Trust belongs to this browser, never to a file: whoever opens it decides again.
	const { untrusted: _, ...content } = doc;
	const file: NotebookFile = { format: FILE_FORMAT, ...content };
	return JSON.stringify(file, null, 2);
}

/** Upgrades a document of version `v` to version `v + 1`. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Older versions upgrade one step at a time, `MIGRATIONS[v]` from v to v + 1;
 * none exist yet beyond version 1. A change of the document shape bumps
 * `NOTEBOOK_VERSION` and adds its step here (params a cell gained need none:
 * their defaults fill them).
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** The document version this workbench writes and the steps that reach it (tests pass others). */
export interface DocumentFormat {
	version: number;
	migrations: Readonly<Record<number, Migration>>;
}

const CURRENT: DocumentFormat = { version: NOTEBOOK_VERSION, migrations: MIGRATIONS };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(message: string): never {
	throw new NotebookFileError(message);
}

function parseCell(raw: unknown, at: number, schemas: CellSchemas, notes: string[]): NotebookCell {
	const where = `cell ${at + 1}`;
	if (!isRecord(raw)) fail(`This notebook file is damaged: ${where} is not an object.`);
	const { id, type, title = '', collapsed = false, params } = raw;
	if (typeof id !== 'string' || id === '') fail(`This notebook file is damaged: ${where} has no id.`);
	if (typeof type !== 'string') fail(`This notebook file is damaged: ${where} has no type.`);
	if (typeof title !== 'string') fail(`This notebook file is damaged: ${where} has a title that is not text.`);
	if (typeof collapsed !== 'boolean') fail(`This notebook file is damaged: ${where} has an invalid "collapsed" flag.`);
	if (!isRecord(params)) fail(`This notebook file is damaged: ${where} (${type}) has no parameters.`);
	const schema = schemas(type);
	if (!schema) fail(`This notebook file cannot be opened: ${where} (${type}): unknown cell type "${type}"`);
	// A document written before a parameter existed gets its default; one written by another
	// version may carry params this one does not know: they are left out, and the user is told.
	const read = readParams(schema, params);
	if (read.problem) fail(`This notebook file cannot be opened: ${where} (${type}): ${read.problem}`);
	if (read.unknown.length) notes.push(leftOut(where, type, read.unknown));
	return { id, type, title, collapsed, params: read.params };
}

function leftOut(where: string, type: string, keys: string[]): string {
	const names = keys.map((k) => `"${k}"`).join(', ');
	return `In ${where} (${type}), ${keys.length === 1 ? `the setting ${names} is` : `the settings ${names} are`} unknown to this version of the workbench and ${keys.length === 1 ? 'was' : 'were'} left out.`;
}

/** Parses and validates an exported notebook; throws `NotebookFileError` on any problem. */
export function parseNotebook(text: string, schemas: CellSchemas, format: DocumentFormat = CURRENT): LoadedNotebook {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		fail('This file is not a notebook: it is not valid JSON.');
	}
	if (!isRecord(raw) || raw.format !== FILE_FORMAT) {
		fail('This file is not a CRM Workbench notebook (its "format" field is missing or different).');
	}
	return validateNotebook(raw, schemas, format);
}

/**
 * A notebook as this browser stored it, through the same checks, migrations
 * and defaults as a file (a document saved by an older version of the
 * workbench is upgraded on open); its trust stays as this browser set it.
 */
export function readStoredNotebook(raw: unknown, schemas: CellSchemas): LoadedNotebook {
	if (!isRecord(raw)) fail('This notebook in the browser\'s storage is damaged: it is not an object.');
	const loaded = validateNotebook(raw, schemas, CURRENT);
	return raw.untrusted === true ? { ...loaded, doc: { ...loaded.doc, untrusted: true } } : loaded;
}

/**
 * The one validator every document goes through (files, this browser's
 * storage): version and migrations, then each cell against its type's param
 * schema. Throws `NotebookFileError` with the problem in words.
 */
export function validateNotebook(raw: Record<string, unknown>, schemas: CellSchemas, format: DocumentFormat = CURRENT): LoadedNotebook {
	let doc: Record<string, unknown> = raw;
	const version = doc.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		fail('This notebook file has no valid version number.');
	}
	if (version > format.version) {
		fail(`This notebook was saved by a newer version of the workbench (file version ${version}, this one reads up to ${format.version}).`);
	}
	for (let v = version; v < format.version; v++) doc = format.migrations[v](doc);
	const { id, title, cells } = doc;
	if (typeof id !== 'string' || id === '') fail('This notebook file is damaged: it has no id.');
	if (typeof title !== 'string') fail('This notebook file is damaged: its title is not text.');
	if (!Array.isArray(cells)) fail('This notebook file is damaged: it has no list of cells.');
	const notes: string[] = [];
	const parsed = cells.map((c, at) => parseCell(c, at, schemas, notes));
	const ids = new Set(parsed.map((c) => c.id));
	if (ids.size !== parsed.length) fail('This notebook file is damaged: two cells share an id.');
	const read: Notebook = { version: format.version, id, title, cells: parsed };
	if (doc.record !== undefined) {
		// A damaged record does not keep the notebook from opening: the steps that cannot be read are left out, and said.
		const { record, unreadable } = readRecord(doc.record);
		read.record = record;
		if (unreadable) notes.push(`${unreadable} step${unreadable === 1 ? '' : 's'} of the record of processing could not be read and ${unreadable === 1 ? 'was' : 'were'} left out.`);
	}
	return { doc: read, notes };
}
