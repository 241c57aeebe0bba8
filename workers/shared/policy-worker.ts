/**
 * Starts a module worker under the page's own Content-Security-Policy, on any
 * host. A worker loaded from its script URL gets only the policy its HTTP
 * response carries (none on a host that sends no headers: a `<meta>` policy
 * is not inherited); a worker whose URL is local (`blob:`) inherits the
 * page's policy container, `<meta>` policy included. So the worker starts
 * from a one-line `blob:` module that imports the real script (same origin),
 * and everything it does — `fetch`, `import()`, wasm — is under the page's
 * policy. The network guard each worker installs first stays as a second wall.
 * The training worker starts its helper threads the same way, so they inherit
 * the policy it inherited.
 */

/** A module worker running `scriptUrl` (a Vite `?worker&url` import) under the page's policy. */
export function startPolicyWorker(scriptUrl: string, name: string): Worker {
	// Resolved against this module, not `location`: inside a worker started this way `location` is a blob: URL.
	const script = new URL(scriptUrl, import.meta.url).href;
	const bootstrap = URL.createObjectURL(new Blob([`import ${JSON.stringify(script)};\n`], { type: 'text/javascript' }));
	const worker = new Worker(bootstrap, { type: 'module', name });
	// The bootstrap is read once the worker starts; its first message means it has been.
	worker.addEventListener('message', () => URL.revokeObjectURL(bootstrap), { once: true });
	return worker;
}
