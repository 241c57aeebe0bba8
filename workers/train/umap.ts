/**
 * A 2-D UMAP map of customers (umap-js), on the same prepared columns as the
 * segmentation, for a seeded sample of at most 50,000 rows; progress per epoch
 * batch and cancellation between batches.
 */
import { UMAP } from 'umap-js';
import { prepareFromRaw } from '../../models/cluster';
import { createRng, nextTask, throwIfAborted } from '../../models/shared';
import type { TabularProgress, UmapJob, UmapResult } from './api';
import { columnsOf } from './tabular';

const MAX_ROWS = 50_000;
const EPOCHS = 200;

export async function umapTable(job: UmapJob, signal: AbortSignal, onProgress?: (p: TabularProgress) => void): Promise<UmapResult> {
	const { matrix } = prepareFromRaw(columnsOf(job.table), { columns: job.columns ?? undefined });
	const rng = createRng(job.seed);
	const limit = Math.min(MAX_ROWS, Math.max(10, job.maxRows));
	const rows = Array.from({ length: matrix.rows }, (_, i) => i);
	if (rows.length > limit) {
		for (let i = 0; i < limit; i++) {
			const j = i + Math.floor(rng() * (rows.length - i));
			[rows[i], rows[j]] = [rows[j], rows[i]];
		}
		rows.length = limit;
		rows.sort((a, b) => a - b);
	}
	const vectors = rows.map((r) => Array.from(matrix.data.subarray(r * matrix.cols, (r + 1) * matrix.cols)));
	const umap = new UMAP({ nComponents: 2, nEpochs: EPOCHS, nNeighbors: Math.min(15, rows.length - 1), random: rng });
	const epochs = umap.initializeFit(vectors);
	for (let e = 0; e < epochs; e++) {
		umap.step();
		if (e % 10 === 9) {
			onProgress?.({ jobId: job.jobId, stage: `UMAP epoch ${e + 1}/${epochs}`, fraction: (e + 1) / epochs });
			await nextTask(); // lets a cancel arrive
			throwIfAborted(signal);
		}
	}
	const embedding = umap.getEmbedding();
	return { points: rows.map((row, i) => ({ row, x: embedding[i][0], y: embedding[i][1] })), sampled: rows.length < matrix.rows };
}
