/**
 * Recommendations in the training worker: decode the transferred Arrow table,
 * build the ownership matrix and profiles, and run the recommendation job (the
 * same one `npm run evaluate -- recommend` runs).
 */
import { prepareRecommendData, runRecommend, type RecommendResult } from '../../models/recommend';
import type { RecommendJob, TabularProgress } from './api';
import { columnsOf } from './tabular';

export async function recommendTable(job: RecommendJob, signal: AbortSignal, onProgress?: (p: TabularProgress) => void): Promise<RecommendResult> {
	const data = prepareRecommendData(columnsOf(job.table), job.request);
	return runRecommend(data, job.request, { signal, progress: (p) => onProgress?.({ jobId: job.jobId, ...p }) });
}
