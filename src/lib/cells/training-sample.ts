/**
 * The tabular training job of the churn and segment-prediction cells, on the
 * whole table up to `TRAINING_ROWS` rows and on a stratified sample above
 * (the tab's memory is bounded; the sample keeps each class's share). The
 * cell shows the sentence `sampled` gets, so nobody mistakes a sample for the whole.
 */
import { trainingArrow } from '$lib/clients/data';
import { trainTabular, type TabularProgress, type TabularRequest } from '$lib/clients/train';
import { T } from '$lib/ui/messages';

export async function startTabularTraining(table: string, request: TabularRequest, onProgress: (p: TabularProgress) => void, sampled: (note: string) => void) {
	const data = await trainingArrow(table, request.target);
	sampled(data.sampled ? T.trainedOnSample(data.sentRows, data.rowCount) : '');
	return trainTabular(data.ipc, request, onProgress);
}
