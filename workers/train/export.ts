/**
 * "Export for production", in the training worker: the chosen model's
 * bundle (models/export) zipped, so a large forest's ONNX file is built off
 * the page's thread.
 */
import { zipSync } from 'fflate';
import { productionBundle } from '../../models/export';
import { SCORE_SCRIPT } from '../../models/export/score-script';
import type { BundleJob } from './api';
import { loadState } from './tabular';

export function bundleZip(job: BundleJob): Uint8Array {
	const { state, ...rest } = job;
	return zipSync(productionBundle({ ...rest, state: loadState(state), scoreScript: SCORE_SCRIPT }), { level: 6 });
}
