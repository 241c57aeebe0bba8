/**
 * Param schemas: each cell type declares its params once, field by field, and
 * its defaults, its check and the way a saved document is read (missing params
 * defaulted, unknown ones dropped, wrong values refused in words) derive from it.
 *
 * ```ts
 * const schema = { table: text(), budgetS: number(60, { min: 1 }), k: nullable(number(2)) };
 * paramDefaults(schema); // { table: '', budgetS: 60, k: null }
 * ```
 */

/** One parameter: its default and its check. */
export interface ParamField<T> {
	/**
	 * The value of a new cell, also given to a document saved before the
	 * parameter existed. Absent: the parameter is optional and stays absent.
	 */
	readonly initial?: () => T;
	/** A problem with `value` in words (`invalid <name>: <value>`), or null when it is usable. */
	check(value: unknown, name: string): string | null;
	/**
	 * A key (the pseudonymisation secret): left out of every file that is not
	 * encrypted, so pseudonymised data never travels beside what undoes it.
	 */
	readonly secret?: boolean;
}

/** A schema names every param of `P` (optional ones too), so none can be forgotten. */
export type ParamSchema<P> = { readonly [K in keyof P]-?: ParamField<P[K]> };

/** A schema whose params are not known statically (what the document validator sees). */
export type AnyParamSchema = Readonly<Record<string, ParamField<unknown>>>;

interface FieldOptions {
	/** The parameter's name in messages, when its key reads badly ("chart type" for `mark`). */
	name?: string;
	/** See `ParamField.secret`. */
	secret?: boolean;
}

function field<T>(initial: (() => T) | undefined, valid: (value: unknown) => boolean, options: FieldOptions = {}): ParamField<T> {
	return {
		initial,
		check: (value, name) => (valid(value) ? null : `invalid ${options.name ?? name}: ${show(value)}`),
		...(options.secret ? { secret: true } : {})
	};
}

function show(value: unknown): string {
	return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** A text param; `initial` may be a function, read when a cell is made (a default worded in the interface's language then). */
export function text(initial: string | (() => string) = '', options?: FieldOptions): ParamField<string> {
	return field(typeof initial === 'function' ? initial : () => initial, isText, options);
}

/** A finite number, within `min`..`max` (inclusive) when given, a whole number when `integer`. */
export function number(initial: number, options: FieldOptions & { min?: number; max?: number; integer?: boolean } = {}): ParamField<number> {
	const { min = -Infinity, max = Infinity, integer = false } = options;
	return field(() => initial, (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v)), options);
}

/** A yes/no param. */
export function flag(initial: boolean, options?: FieldOptions): ParamField<boolean> {
	return field(() => initial, (v) => typeof v === 'boolean', options);
}

/** One of a fixed list of values (a mode, a chart type). */
export function oneOf<const V extends string>(values: readonly V[], initial: V, options?: FieldOptions): ParamField<V> {
	return field(() => initial, (v) => values.includes(v as V), options);
}

/** A list of texts (columns); with `values`, each must be one of them. */
export function textList<V extends string = string>(initial: readonly V[] = [], options: FieldOptions & { values?: readonly V[] } = {}): ParamField<V[]> {
	const { values } = options;
	return field(() => [...initial], (v) => Array.isArray(v) && v.every((x) => isText(x) && (!values || values.includes(x as V))), options);
}

/** Texts by key (names the user gave to segments, by number). */
export function textRecord(options?: FieldOptions): ParamField<Record<string, string>> {
	return field(() => ({}), (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isText), options);
}

/** `inner` or null; a new cell starts with null unless `initial` says otherwise. */
export function nullable<T>(inner: ParamField<T>, initial: T | null = null): ParamField<T | null> {
	return { initial: () => initial, check: (v, name) => (v === null ? null : inner.check(v, name)) };
}

/** A param that documents may lack (it stays absent); when present, `inner` checks it. */
export function optional<T>(inner: ParamField<T>): ParamField<T | undefined> {
	return { check: (v, name) => (v === undefined ? null : inner.check(v, name)) };
}

/** A param with a shape of its own, checked by `problem` (in words, null when fine). */
export function custom<T>(initial: () => T, problem: (value: unknown) => string | null): ParamField<T> {
	return { initial, check: (v) => problem(v) };
}

/** Params of a new cell: every field's initial value (optional ones left out). */
export function paramDefaults<P>(schema: ParamSchema<P>): P {
	const params: Record<string, unknown> = {};
	for (const [key, f] of Object.entries(schema as AnyParamSchema)) if (f.initial) params[key] = f.initial();
	return params as P;
}

/** The first problem with `params` (absent optional fields are fine), or null. */
export function paramProblem(schema: AnyParamSchema, params: Record<string, unknown>): string | null {
	for (const [key, f] of Object.entries(schema)) {
		const problem = f.check(params[key], key);
		if (problem) return problem;
	}
	return null;
}

/** Saved params read against `schema`: missing ones get their default, unknown ones are dropped (and listed). */
export function readParams(schema: AnyParamSchema, saved: Record<string, unknown>): { params: Record<string, unknown>; unknown: string[]; problem: string | null } {
	const params: Record<string, unknown> = {};
	for (const [key, f] of Object.entries(schema)) {
		if (saved[key] !== undefined) params[key] = saved[key];
		else if (f.initial) params[key] = f.initial();
	}
	const unknown = Object.keys(saved).filter((key) => !Object.hasOwn(schema, key));
	return { params, unknown, problem: paramProblem(schema, params) };
}
