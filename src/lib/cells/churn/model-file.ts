/**
 * A trained model as a `.json` file: its encoded state plus what it was
 * trained for, so it can be checked when opened in another notebook or browser.
 */
import { kindsWith } from '$models/catalog';

export const MODEL_FORMAT = 'crm-workbench-model';
export const MODEL_FILE_VERSION = 1;

export interface ModelFile {
	format: typeof MODEL_FORMAT;
	version: number;
	kind: string;
	label: string;
	target: string;
	classes: string[];
	features: { name: string; kind: 'numeric' | 'categorical'; levels?: string[] }[];
	/** Encoded state (`models/shared/state-json.ts`). */
	state: unknown;
	/** Test metrics when it was trained, for the record. */
	metrics: Record<string, number>;
	/** Encoded sample of training customers, the reference for explanations (optional). */
	background?: unknown;
}

/** The kinds a model file may hold: the catalogue's tabular kinds that export one. */
const KINDS: string[] = kindsWith((e) => e.family === 'tabular' && e.exports.includes('model-file'));

export function serializeModel(file: Omit<ModelFile, 'format' | 'version'>): string {
	return JSON.stringify({ format: MODEL_FORMAT, version: MODEL_FILE_VERSION, ...file });
}

/** Parses a model file; a wrong or damaged file throws a message for the user. */
export function parseModelFile(text: string): ModelFile {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		throw new Error('This file is not a model: it is not valid JSON.');
	}
	const f = raw as Partial<ModelFile> | null;
	if (!f || typeof f !== 'object' || f.format !== MODEL_FORMAT) throw new Error('This file is not a CRM Workbench model (its "format" field is missing or different).');
	if (typeof f.version !== 'number' || f.version > MODEL_FILE_VERSION) throw new Error(`This model file has an unsupported version (${String(f.version)}).`);
	if (typeof f.kind !== 'string' || !KINDS.includes(f.kind)) throw new Error(`This model file has an unknown model kind (${String(f.kind)}).`);
	if (typeof f.target !== 'string' || !Array.isArray(f.classes) || f.classes.length < 2) throw new Error('This model file is damaged: its target or classes are missing.');
	if (!Array.isArray(f.features) || f.features.some((x) => typeof x?.name !== 'string' || (x.kind !== 'numeric' && x.kind !== 'categorical'))) {
		throw new Error('This model file is damaged: its feature list is invalid.');
	}
	const state = f.state as { kind?: unknown } | null;
	if (!state || typeof state !== 'object' || state.kind !== f.kind) throw new Error('This model file is damaged: its weights are missing or belong to another kind of model.');
	return f as ModelFile;
}
