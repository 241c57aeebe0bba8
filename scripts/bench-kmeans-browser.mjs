// Benchmark (not a test): k-means in headless Chromium on the WASM backend, on the same synthetic
// 1,000,000 × 16 table, k = 8, as `npm run bench:kmeans` (the workload, bench-kmeans-workload.ts, is
// shared): full Lloyd for 50 iterations and the default mini-batch path. The page code is bundled
// here with Vite and served from memory, so no app build is needed. Also runs the Node bench and
// prints both times side by side (skip it with --no-node). Target: Lloyd ≤ 10 s in Chromium.
// Usage: npm run bench:kmeans-browser [-- --rows 1000000 --no-node]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { withChromium } from './bench-browser.mjs';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
const ORIGIN = 'http://bench.localhost';
const WASM_DIR = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';

/** The page script as one IIFE string (no app config: only the workload and TF.js). */
async function bundlePage() {
	const out = await build({
		configFile: false,
		logLevel: 'error',
		build: { write: false, minify: false, lib: { entry: 'scripts/bench-kmeans-page.ts', formats: ['iife'], name: 'benchKMeansPage', fileName: 'page' } }
	});
	return [out].flat()[0].output[0].code;
}

async function inChromium(script) {
	return withChromium(async (browser) => {
		const page = await browser.newPage();
		// Everything comes from memory or node_modules: the page never touches the network.
		await page.route(`${ORIGIN}/**`, (route) => {
			const { pathname } = new URL(route.request().url());
			if (pathname.startsWith('/wasm/')) return route.fulfill({ contentType: 'application/wasm', body: readFileSync(`${WASM_DIR}/${pathname.slice(6)}`) });
			if (pathname === '/page.js') return route.fulfill({ contentType: 'text/javascript', body: script });
			return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="/page.js"></script>' });
		});
		await page.goto(`${ORIGIN}/`);
		return page.evaluate((rows) => globalThis.benchKMeans(rows), ROWS);
	});
}

const browser = await inChromium(await bundlePage());
const node = process.argv.includes('--no-node')
	? null
	: JSON.parse(execFileSync('npx', ['tsx', 'scripts/bench-kmeans.ts', String(ROWS)], { encoding: 'utf8' }).trim().split('\n').at(-1));
console.log(
	JSON.stringify({
		bench: 'kmeans-browser',
		backend: browser.backend,
		rows: ROWS,
		cols: browser.cols,
		k: browser.k,
		lloyd_iterations: browser.lloyd_iterations,
		chromium_lloyd_ms: browser.lloyd_ms,
		node_lloyd_ms: node?.lloyd_ms ?? null,
		chromium_minibatch_ms: browser.minibatch_ms,
		node_minibatch_ms: node?.minibatch_ms ?? null,
		same_inertia: node ? node.lloyd_inertia === browser.lloyd_inertia : null,
		target_lloyd_ms: 10_000
	})
);
