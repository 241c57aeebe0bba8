/**
 * k-means speed on a synthetic 1,000,000 × 16 table, k = 8, in Node with the WASM backend:
 * full Lloyd for 50 iterations (one start, tol 0 so all 50 run) and the default mini-batch path
 * (the workload is bench-kmeans-workload.ts, shared with the Chromium bench).
 * Prints one JSON line.  npx tsx scripts/bench-kmeans.ts [rows]
 */
import { runKMeansBench } from './bench-kmeans-workload';
import { useFastestNodeBackend } from './node-backend';

const rows = Number(process.argv[2] ?? 1_000_000);

async function main() {
	const backend = await useFastestNodeBackend();
	console.log(JSON.stringify(runKMeansBench(rows, backend)));
}

main().catch((e: Error) => {
	console.error(`bench-kmeans: ${e.message}`);
	process.exit(1);
});
