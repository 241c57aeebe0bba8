/**
 * Segmentation in the training worker: k-means for every k of a range, the
 * chosen k's silhouettes, a PCA map, and a profile of each segment (sizes,
 * z-scores of numeric means, over-represented categories). The cells word
 * each segment's traits from these in the interface's language.
 */
import { chooseK, pca2d, prepareFromRaw, silhouette } from '../../models/cluster';
import { type RawColumn, createRng, throwIfAborted } from '../../models/shared';
import type { ThreadPool } from '../../models';
import type { SegmentJob, SegmentProfile, SegmentResult, TabularProgress } from './api';
import { trainError } from './errors';
import { columnsOf } from './tabular';

const MAP_ROWS = 5000;

function meanStd(values: Float64Array, rows?: number[]): { mean: number; std: number } {
	let n = 0;
	let sum = 0;
	let sq = 0;
	const visit = (v: number) => {
		if (Number.isNaN(v)) return;
		n++;
		sum += v;
		sq += v * v;
	};
	if (rows) rows.forEach((r) => visit(values[r]));
	else values.forEach(visit);
	const mean = n ? sum / n : NaN;
	return { mean, std: n ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : NaN };
}

function profilesOf(raw: RawColumn[], features: string[], labels: Int32Array, k: number): { profiles: SegmentProfile[]; numeric: string[]; overall: Record<string, number> } {
	const members: number[][] = Array.from({ length: k }, () => []);
	labels.forEach((s, r) => members[s].push(r));
	const used = raw.filter((c) => features.includes(c.name));
	const numeric = used.filter((c) => c.type === 'numeric');
	const overall = new Map(numeric.map((c) => [c.name, meanStd(c.values as Float64Array)]));
	const profiles = members.map((rows, segment): SegmentProfile => {
		const z: Record<string, number> = {};
		const mean: Record<string, number> = {};
		for (const c of numeric) {
			const all = overall.get(c.name)!;
			mean[c.name] = meanStd(c.values as Float64Array, rows).mean;
			z[c.name] = all.std > 0 ? (mean[c.name] - all.mean) / all.std : 0;
		}
		const categories: SegmentProfile['categories'] = [];
		for (const c of used) {
			if (c.type !== 'text') continue;
			const inSeg = new Map<string, number>();
			const inAll = new Map<string, number>();
			c.values.forEach((v) => v !== null && inAll.set(v, (inAll.get(v) ?? 0) + 1));
			rows.forEach((r) => c.values[r] !== null && inSeg.set(c.values[r]!, (inSeg.get(c.values[r]!) ?? 0) + 1));
			for (const [level, count] of inSeg) {
				const share = count / rows.length;
				const lift = share / (inAll.get(level)! / labels.length);
				if (share >= 0.3 && lift >= 1.2) categories.push({ column: c.name, level, lift, share });
			}
		}
		categories.sort((a, b) => b.lift - a.lift);
		return { segment, size: rows.length, share: rows.length / labels.length, z, mean, categories: categories.slice(0, 5) };
	});
	return { profiles, numeric: numeric.map((c) => c.name), overall: Object.fromEntries([...overall].map(([name, s]) => [name, s.mean])) };
}

/** `threads`: helper threads k-means' row passes spread over (the segments do not depend on them). */
export async function segmentTable(job: SegmentJob, signal: AbortSignal, onProgress?: (p: TabularProgress) => void, threads?: ThreadPool): Promise<SegmentResult> {
	const raw = columnsOf(job.table);
	const { plan, matrix } = prepareFromRaw(raw, { columns: job.columns ?? undefined });
	if (matrix.rows < 3) throw trainError('Segmentation needs at least three customers.');
	const maxK = Math.min(job.maxK, matrix.rows - 1);
	const chosen = await chooseK(matrix, {
		minK: job.minK,
		maxK,
		seed: job.seed,
		threads,
		onCandidate: (c, done, total) => {
			// A cancel stops the search between two values of k.
			throwIfAborted(signal);
			onProgress?.({ jobId: job.jobId, stage: `k = ${c.k}: silhouette ${c.silhouette.toFixed(3)}`, fraction: done / total });
		}
	});
	throwIfAborted(signal);
	const k = job.k && chosen.candidates.some((c) => c.k === job.k) ? job.k : chosen.suggested;
	const model = chosen.candidates.find((c) => c.k === k)!.model;
	const sil = silhouette(matrix, model.labels, { seed: job.seed });
	const map = pca2d(matrix);
	const rng = createRng(job.seed);
	const mapRows = matrix.rows <= MAP_ROWS ? Array.from({ length: matrix.rows }, (_, i) => i) : Array.from({ length: MAP_ROWS }, () => Math.floor(rng() * matrix.rows));
	const features = plan.features.map((f) => f.name);
	return {
		features,
		excluded: plan.excluded,
		candidates: chosen.candidates.map((c) => ({ k: c.k, inertia: c.inertia, silhouette: c.silhouette, silhouetteRows: c.silhouetteRows })),
		suggested: chosen.suggested,
		reason: chosen.reason,
		k,
		labels: Array.from(model.labels),
		silhouette: Array.from(sil.values, (value, i) => ({ segment: sil.labels[i], value })),
		map: mapRows.map((row) => ({ row, x: map.coordinates[row * 2], y: map.coordinates[row * 2 + 1], segment: model.labels[row] })),
		explained: map.explainedRatio,
		...profilesOf(raw, features, model.labels, k)
	};
}
