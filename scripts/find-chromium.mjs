// Where is a Chromium to drive? An explicit env variable, Debian's package,
// or a browser Playwright installed earlier. Returns null when none is found.
import { existsSync } from 'node:fs';

const ENV_VARS = ['CHROMIUM_PATH', 'CHROME_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export async function findChromium() {
	for (const name of ENV_VARS) {
		const path = process.env[name];
		if (path && existsSync(path)) return path;
	}
	for (const path of SYSTEM_PATHS) if (existsSync(path)) return path;
	try {
		const { chromium } = await import('@playwright/test');
		const path = chromium.executablePath();
		if (path && existsSync(path)) return path;
	} catch {
		// Playwright has no browser of its own here.
	}
	return null;
}
