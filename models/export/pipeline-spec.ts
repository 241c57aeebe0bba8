/**
 * `features.json` of a production bundle: everything a scoring engine needs
 * to turn raw customer columns into the model's inputs (names, types,
 * categories and their codes, imputation), what the output means (classes,
 * positive class, decision threshold and risk levels) and which model file
 * scores it. `score.py` reads it; a data team can read it too.
 */
import type { ModelState } from '../types';
import { isEnsemble } from '../auto/ensemble';
import { isCatalogKind, labelOf, MODEL_CATALOG, type ExportFormat } from '../catalog';
import { onnxInputNames } from './input-names';

export const PIPELINE_FORMAT = 'crm-workbench-pipeline';
export const ONNX_FILE = 'model.onnx';
export const XGBOOST_FILE = 'model.xgboost.json';
/** The ONNX graph's one output: probabilities, `rows × classes` (float32), classes in `classes` order. */
export const ONNX_OUTPUT = 'probabilities';

export interface PipelineColumn {
	name: string;
	type: 'numeric' | 'categorical';
	/** The ONNX graph's input for this column: numeric as double [N,1] (NaN = missing), categorical as string [N,1] ("" = missing). */
	input: string;
	/** Categorical: the known categories; a category's code (XGBoost's input) is its index here. Others count as missing. */
	levels?: string[];
	/** Numeric: the value a missing one is replaced by (the training median), or null where the model routes missing values itself (trees) or a blend's members differ. */
	imputation?: number | null;
}

export interface PipelineSpec {
	format: typeof PIPELINE_FORMAT;
	version: 1;
	kind: string;
	label: string;
	task: 'binary' | 'multiclass';
	target: string;
	/** Class labels in the order of the model's outputs; for a binary task the second is the positive class. */
	classes: string[];
	positiveClass: string | null;
	/** The column that names each customer in the scored output (null: the row number). */
	idColumn: string | null;
	/** Binary tasks: the predicted class is the positive one from `threshold` up; risk levels Low < riskMedium ≤ Medium < riskHigh ≤ High. */
	decision: { threshold: number; riskMedium: number; riskHigh: number } | null;
	columns: PipelineColumn[];
	/** Which file scores: XGBoost's JSON model (gradient-boosted trees) or ONNX (every kind). */
	engine: 'xgboost' | 'onnx';
	files: { onnx: string; xgboost: string | null };
	onnxOutput: string;
	/** A blend: its members and how their probabilities combine (the ONNX graph computes it). */
	blend: { rule: 'geometric-mean'; members: { kind: string; label: string }[] } | null;
}

/** Whether the catalogue says a kind exports `format`. */
export function exportsAs(kind: string, format: ExportFormat): boolean {
	return isCatalogKind(kind) && (MODEL_CATALOG[kind].exports as readonly ExportFormat[]).includes(format);
}

/** The median a linear or neural model's encoder imputes per numeric column. */
function imputations(state: ModelState): Map<string, number> {
	const encoder = (state as { encoder?: { columns: { kind: string; name: string; median?: number }[] } }).encoder;
	return new Map((encoder?.columns ?? []).filter((c) => c.kind === 'numeric').map((c) => [c.name, c.median!]));
}

export function pipelineSpec(
	state: ModelState,
	opts: { target: string; label?: string; idColumn: string | null; decision: PipelineSpec['decision'] }
): PipelineSpec {
	const inputs = onnxInputNames(state.features.map((f) => f.name));
	const members = isEnsemble(state) ? state.members : [];
	const medians = imputations(state);
	const xgboost = exportsAs(state.kind, 'xgboost-json');
	return {
		format: PIPELINE_FORMAT,
		version: 1,
		kind: state.kind,
		label: opts.label ?? labelOf(state.kind),
		task: state.classes.length === 2 ? 'binary' : 'multiclass',
		target: opts.target,
		classes: [...state.classes],
		positiveClass: state.classes.length === 2 ? state.classes[1] : null,
		idColumn: opts.idColumn,
		decision: state.classes.length === 2 ? opts.decision : null,
		columns: state.features.map((f, i) =>
			f.kind === 'numeric'
				? { name: f.name, type: 'numeric', input: inputs[i], imputation: medians.get(f.name) ?? null }
				: { name: f.name, type: 'categorical', input: inputs[i], levels: [...(f.levels ?? [])] }
		),
		engine: xgboost ? 'xgboost' : 'onnx',
		files: { onnx: ONNX_FILE, xgboost: xgboost ? XGBOOST_FILE : null },
		onnxOutput: ONNX_OUTPUT,
		blend: members.length ? { rule: 'geometric-mean', members: members.map((m) => ({ kind: m.kind, label: labelOf(m.kind) })) } : null
	};
}
