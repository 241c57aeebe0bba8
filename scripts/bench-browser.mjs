// What the browser benchmarks share: the built app served by scripts/serve.mjs, Debian's Chromium
// launched without background networking, an empty notebook, and a meter of main-thread stalls.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

export const PORT = 4176;
export const APP_URL = `http://localhost:${PORT}/`;

/** Serves the build, launches Chromium, runs `use(browser)`, then closes both (also on failure). */
export async function withBrowser(use) {
	const server = spawn('node', ['scripts/serve.mjs', String(PORT)], { stdio: 'ignore' });
	try {
		await new Promise((r) => setTimeout(r, 2500));
		return await withChromium(use);
	} finally {
		server.kill();
	}
}

/** Launches Chromium (no app served: for benches that load their own page), runs `use(browser)`, closes it. */
export async function withChromium(use) {
	const browser = await chromium.launch({
		executablePath: (await findChromium()) ?? undefined,
		args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic']
	});
	try {
		return await use(browser);
	} finally {
		await browser.close();
	}
}

/** Opens the app and starts an empty notebook. */
export async function openEmptyNotebook(page) {
	await page.goto(APP_URL);
	await page.getByRole('button', { name: 'Start empty' }).click();
	await page.getByText('This notebook is empty').waitFor();
}

/** Starts recording the longest gap between 16 ms timer ticks on the main thread (a frozen page shows a long gap). */
export async function meterMainThread(page) {
	await page.evaluate(() => {
		let last = performance.now();
		globalThis.__maxStallMs = 0;
		setInterval(() => {
			const now = performance.now();
			globalThis.__maxStallMs = Math.max(globalThis.__maxStallMs, now - last);
			last = now;
		}, 16);
	});
}

/** The longest main-thread stall since `meterMainThread`, in whole milliseconds. */
export async function maxStallMs(page) {
	return Math.round(await page.evaluate(() => globalThis.__maxStallMs));
}

/** `--name N` from the command line, or `fallback`. */
export function numberArg(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const BENCH_ORIGIN = 'http://bench.localhost';

/** One entry bundled by Vite as a single classic script (a bench page, or the helper thread as a worker script). */
export async function bundleScript(entry, name) {
	const { build } = await import('vite');
	const out = await build({ configFile: false, logLevel: 'error', build: { write: false, minify: false, lib: { entry, formats: ['iife'], name, fileName: name } } });
	return [out].flat()[0].output[0].code;
}

/**
 * A tab on a page running `page` (a script), with `/thread.js` served as `thread` and, with
 * `wasmDir`, `/wasm/<file>` from that folder: all from memory or disk, never the network.
 */
export async function openBenchPage(browser, page, thread, wasmDir) {
	const tab = await browser.newPage();
	await tab.route(`${BENCH_ORIGIN}/**`, (route) => {
		const { pathname } = new URL(route.request().url());
		if (wasmDir && pathname.startsWith('/wasm/')) return route.fulfill({ contentType: 'application/wasm', body: readFileSync(`${wasmDir}/${pathname.slice(6)}`) });
		if (pathname === '/page.js') return route.fulfill({ contentType: 'text/javascript', body: page });
		if (pathname === '/thread.js') return route.fulfill({ contentType: 'text/javascript', body: thread });
		return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="/page.js"></script>' });
	});
	await tab.goto(`${BENCH_ORIGIN}/`);
	return tab;
}
