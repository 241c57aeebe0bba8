/**
 * k-means speed on a synthetic 1,000,000 × 16 table, k = 8, in Node (TF.js WASM backend for the
 * seeding and mini-batch steps, the WebAssembly row kernel for Lloyd's passes): full Lloyd for 50
 * iterations (one start, tol 0 so all 50 run) and the default mini-batch path (the workload is
 * bench-kmeans-workload.ts, shared with the Chromium bench). `--workers N` spreads the row passes
 * over N threads (this one and N − 1 helpers), as the browser's training worker does.
 * Prints one JSON line.  npx tsx scripts/bench-kmeans.ts [rows] [--workers N]
 */
import { runKMeansBench } from './bench-kmeans-workload';
import { useFastestNodeBackend } from './node-backend';
import { nodeThreads } from './node-threads';

const rows = Number(process.argv[2]?.startsWith('--') ? 1_000_000 : (process.argv[2] ?? 1_000_000));
const at = process.argv.indexOf('--workers');
const workers = at > 0 ? Number(process.argv[at + 1]) : 1;

async function main() {
	const backend = await useFastestNodeBackend();
	const threads = workers > 1 ? nodeThreads(workers) : undefined;
	try {
		console.log(JSON.stringify({ ...(await runKMeansBench(rows, backend, threads)), workers }));
	} finally {
		threads?.stop();
	}
}

main().catch((e: Error) => {
	console.error(`bench-kmeans: ${e.message}`);
	process.exit(1);
});
