/**
 * The HTTP headers every response of the workbench should carry. The policy is
 * the one SvelteKit writes into the built page's `<meta>` tag (with the hashes
 * of its inline scripts); sent as a header it also governs the workers, which
 * do not inherit a `<meta>` policy, and it can forbid framing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Content-Security-Policy of the built page at `buildDir`. */
export function builtPolicy(buildDir = 'build') {
	const page = join(buildDir, 'index.html');
	if (!existsSync(page)) throw new Error(`${page} is missing: run "npm run build" first.`);
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(readFileSync(page, 'utf8'));
	if (!meta) throw new Error(`${page} has no Content-Security-Policy <meta> tag.`);
	return meta[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"');
}

/** Header name → value, for every response (pages, scripts, workers, wasm, data). */
export function securityHeaders(buildDir = 'build') {
	return {
		'Content-Security-Policy': `${builtPolicy(buildDir)}; frame-ancestors 'none'`,
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'no-referrer'
	};
}
