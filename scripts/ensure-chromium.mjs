// Makes sure the browser tests have a Chromium: finds one, or installs
// Debian's `chromium` package when running as root on Debian; otherwise
// stops with a one-line instruction.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const found = await findChromium();
if (found) {
	console.log(`chromium: ${found}`);
	process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (isRoot && isDebian) {
	console.log('chromium: not found; installing Debian package "chromium" with apt-get…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execSync('apt-get update -qq', { stdio: 'inherit', env });
	execSync('apt-get install -y -qq --no-install-recommends chromium', { stdio: 'inherit', env });
	const installed = await findChromium();
	if (installed) {
		console.log(`chromium: ${installed}`);
		process.exit(0);
	}
}
console.error(
	'No Chromium found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH=/path/to/chrome, then run npm test again.'
);
process.exit(1);
