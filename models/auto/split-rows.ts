/**
 * The customers a tabular model learns from and is tested on: the split
 * column's "train" and "test" rows, or a stratified split of the labelled
 * rows. The trainer, the evaluation command and the export checks all take
 * their rows from here.
 */
import type { RawColumn } from '../shared/columns';
import { encodeTarget, targetClasses } from '../shared/features';
import { inputError } from '../shared/input-error';
import { stratifiedSplit } from '../shared/splits';
import type { TabularRequest } from './types';

/** Train/test rows from the split column ("train"/"test") or a stratified split. */
export function splitRows(raw: RawColumn[], req: TabularRequest, y: Int32Array): { train: Int32Array; test: Int32Array } {
	if (req.splitColumn) {
		const column = raw.find((c) => c.name === req.splitColumn);
		if (!column || column.type !== 'text') throw inputError(`The split column "${req.splitColumn}" must be a text column with the values "train" and "test".`);
		const train: number[] = [];
		const test: number[] = [];
		column.values.forEach((v, r) => {
			if (y[r] < 0) return;
			const value = v?.trim().toLowerCase();
			if (value === 'train') train.push(r);
			else if (value === 'test') test.push(r);
		});
		if (!train.length || !test.length) throw inputError(`The split column "${req.splitColumn}" needs rows marked "train" and rows marked "test".`);
		return { train: Int32Array.from(train), test: Int32Array.from(test) };
	}
	const labelled = Int32Array.from(Array.from(y.keys()).filter((r) => y[r] >= 0));
	const split = stratifiedSplit(Array.from(labelled, (r) => y[r]), req.testFraction, req.seed);
	return { train: Int32Array.from(split.train, (i) => labelled[i]), test: Int32Array.from(split.test, (i) => labelled[i]) };
}

/** The target's class per row (-1 where missing), as the trainer encodes it before the split. */
export function targetCodes(raw: RawColumn[], req: Pick<TabularRequest, 'target' | 'positive'>): Int32Array {
	const target = raw.find((c) => c.name === req.target);
	if (!target) throw inputError(`There is no column named "${req.target}".`);
	const all = Int32Array.from({ length: target.values.length }, (_, i) => i);
	return encodeTarget(target, targetClasses(target, all, req.positive));
}
