import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.mjs';

const executablePath = (await findChromium()) ?? undefined;
// E2E_PORT lets several checkouts run their journeys side by side.
const PORT = Number(process.env.E2E_PORT ?? 4174);

// Flags that keep Chromium quiet on a closed network (see shared STACK notes).
const QUIET = [
	'--no-sandbox',
	'--disable-gpu-sandbox',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic'
];

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 120_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		headless: true,
		acceptDownloads: true,
		launchOptions: { executablePath, args: QUIET }
	},
	webServer: {
		command: `node scripts/serve.mjs ${PORT}`,
		url: `http://localhost:${PORT}`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
