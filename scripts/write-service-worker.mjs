/**
 * After `vite build`: writes `build/sw.js`, the service worker that keeps a
 * copy of the whole workbench in this browser (Workbox precaching), so that
 * after one visit it opens, loads files, trains and scores with no network.
 *
 * Everything under build/ is precached, workers and their wasm included
 * (SvelteKit's own service-worker file list leaves the workers' files out),
 * except DuckDB's "mvp" engine: only browsers without WebAssembly exceptions
 * load it, so it is kept the first time such a browser fetches it rather than
 * downloaded by every visitor (39 MB).
 *
 * A new build gets a new worker; it waits until the user chooses "Update now"
 * (or every tab is closed), so no page ever mixes files of two versions.
 */
import { generateSW, getManifest } from 'workbox-build';
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD = 'build';
/** Cache names start with this; "Delete all local data" keeps them (app files only, no customer data). */
export const APP_CACHE_ID = 'crm-workbench-app';
const LEGACY_ENGINE = '**/duckdb-mvp-*.wasm';

/** Files that must be in the offline copy, or the build fails: the app cannot work offline without them. */
const REQUIRED = [/^index\.html$/, /duckdb-eh-[\w-]+\.wasm$/, /tfjs-backend-wasm-simd-[\w-]+\.wasm$/, /^_app\/immutable\/workers\/worker-[\w-]+\.js$/, /^demo\/wa_churn\.csv$/];

// Answers other origins with a network error before any caching route (behind the page's policy).
copyFileSync('scripts/sw-guard.js', join(BUILD, 'sw-guard.js'));

/** What goes into the offline copy (shared by the check below and the worker). */
const FILES = {
	globDirectory: BUILD,
	globPatterns: ['**/*'],
	globIgnores: [LEGACY_ENGINE, 'sw.js', 'sw-guard.js', '_headers', '.htaccess'],
	maximumFileSizeToCacheInBytes: 64 * 1024 * 1024
};

const { manifestEntries } = await getManifest(FILES);
const urls = manifestEntries.map((entry) => entry.url);
const missing = REQUIRED.filter((pattern) => !urls.some((url) => pattern.test(url)));
if (missing.length) throw new Error(`The offline copy would miss ${missing.join(', ')}: the workbench could not run offline.`);

const { count, size, warnings } = await generateSW({
	...FILES,
	swDest: join(BUILD, 'sw.js'),
	importScripts: ['sw-guard.js'],
	cacheId: APP_CACHE_ID,
	mode: 'production',
	sourcemap: false,
	inlineWorkboxRuntime: true,
	cleanupOutdatedCaches: true,
	clientsClaim: true,
	skipWaiting: false,
	// Hashed file names already change with their content.
	dontCacheBustURLsMatching: /\/_app\/immutable\//,
	navigateFallback: 'index.html',
	runtimeCaching: [{ urlPattern: /\/duckdb-mvp-[\w-]+\.wasm$/, handler: 'CacheFirst', options: { cacheName: `${APP_CACHE_ID}-legacy-engine` } }]
});

for (const warning of warnings) console.warn(`service worker: ${warning}`);
const swSize = statSync(join(BUILD, 'sw.js')).size;
console.log(`Offline copy: ${count} files, ${(size / 1e6).toFixed(1)} MB precached by ${BUILD}/sw.js (${(swSize / 1e3).toFixed(0)} kB)`);
