/**
 * Test-only loader for the fixed review split (`small_fine_foods.split.csv`:
 * product, review, score great/other, package_split, split train/test), with
 * classes ['other', 'great'] so "great" is the positive class. Reuses the
 * RFC-4180 parser of the tabular split fixture (quoted multi-line reviews).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseCsv } from '../split-fixture';
import { DATASETS_DIR, datasetPath } from '../../../shared/datasets';
import type { TextDataset } from '../../../../models/text/types';

const FILE = 'small_fine_foods.split.csv';

export const reviewSplitPath = (): string | undefined => (existsSync(datasetPath(FILE)) ? datasetPath(FILE) : undefined);

export function loadReviewSplit(): { train: TextDataset; test: TextDataset } {
	const path = reviewSplitPath();
	if (!path) throw new Error(`${FILE} not found in ${DATASETS_DIR}`);
	const [head, ...rows] = parseCsv(readFileSync(path, 'utf8'));
	const [review, score, split] = ['review', 'score', 'split'].map((c) => head.indexOf(c));
	const classes = ['other', 'great'];
	const make = (name: string): TextDataset => {
		const kept = rows.filter((r) => r[split] === name);
		return { texts: kept.map((r) => r[review]), y: Int32Array.from(kept, (r) => (r[score] === 'great' ? 1 : 0)), classes };
	};
	return { train: make('train'), test: make('test') };
}
