/**
 * One configuration fitted on some training rows, as the automatic mode fits
 * every fold and final model: early-stopping rows carved out of them when the
 * kind and its settings stop early. The training worker and the helper
 * threads that fit folds beside it (fold-threads.ts) run this same code, so
 * a fold's model does not depend on where it was fitted.
 */
import type { AnyModel } from '../index';
import { usesEarlyStopping } from '../catalog';
import type { Dataset, FitContext, ModelState } from '../types';
import { stratifiedSplit } from '../shared/splits';

/** Carves a stratified 10 % of `rows` out for early stopping. */
function earlyStoppingRows(y: Int32Array, rows: Int32Array, seed: number): { fit: Int32Array; valid: Int32Array } {
	const split = stratifiedSplit(Array.from(rows, (r) => y[r]), 0.1, seed);
	return { fit: Int32Array.from(split.train, (i) => rows[i]), valid: Int32Array.from(split.test, (i) => rows[i]) };
}

/** Fits `params` of `model` on `rows` (indexes of the table's rows; `y` their classes, `datasetOf` their features). */
export function fitRows(model: AnyModel, params: Record<string, unknown>, rows: Int32Array, y: Int32Array, datasetOf: (rows: Int32Array) => Dataset, ctx: FitContext): Promise<ModelState> {
	if (!usesEarlyStopping(model.kind, params)) return model.fit(datasetOf(rows), params, ctx);
	const { fit, valid } = earlyStoppingRows(y, rows, ctx.seed);
	return model.fit(datasetOf(fit), params, { ...ctx, validation: datasetOf(valid) });
}
