/**
 * Installed first in every worker: the worker may reach its own origin (its
 * code, wasm files, the demo data) and `blob:`/`data:` URLs, nothing else.
 * A worker does not inherit the page's `<meta>` Content-Security-Policy, so
 * this guard holds on any static host, header or not; where the host sends
 * the policy as a header (`npm start`, the shipped `_headers`), the browser
 * enforces it too, including on dynamic `import()`, which no script can wrap.
 *
 * Import it before anything else in a worker entry: module imports evaluate
 * in order, so no library can capture the unguarded functions first.
 */

const scope = globalThis as unknown as Record<string, unknown> & { location?: { href: string; origin: string } };
const HOME = scope.location?.origin ?? '';

/** True for URLs the worker may load: its own origin, `blob:` and `data:`. */
export function isOwnOrigin(url: string | URL): boolean {
	let parsed: URL;
	try {
		parsed = new URL(String(url), scope.location?.href);
	} catch {
		return false;
	}
	return parsed.protocol === 'blob:' || parsed.protocol === 'data:' || parsed.origin === HOME;
}

/** The refusal, worded for the user who would see it in a cell. */
export function refusal(url: string | URL): string {
	return `This workbench never contacts other hosts: a request to ${new URL(String(url), scope.location?.href).origin} was blocked.`;
}

function refuse(url: string | URL): never {
	throw new DOMException(refusal(url), 'SecurityError');
}

const requestUrl = (input: unknown) => (input instanceof Request ? input.url : String(input instanceof URL ? input.href : input));

/** Replaces `name` on the worker's global scope for good (not writable, not configurable). */
function seal(name: string, value: unknown): void {
	Object.defineProperty(scope, name, { value, writable: false, configurable: false, enumerable: true });
}

function guardConstructor<C extends new (...args: never[]) => object>(name: string, urlAt: (args: unknown[]) => unknown) {
	const Native = scope[name] as C | undefined;
	if (!Native) return;
	const Guarded = new Proxy(Native, {
		construct(target, args, newTarget) {
			const url = urlAt(args);
			if (url !== undefined && !isOwnOrigin(requestUrl(url))) refuse(requestUrl(url));
			return Reflect.construct(target, args, newTarget);
		}
	});
	seal(name, Guarded);
}

/** Installs the guard on this worker's global scope (once). */
export function installNetworkGuard(): void {
	if (scope.__networkGuard) return;
	seal('__networkGuard', true);

	const nativeFetch = scope.fetch as typeof fetch | undefined;
	if (nativeFetch) {
		seal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
			const url = requestUrl(input);
			return isOwnOrigin(url) ? nativeFetch.call(globalThis, input, init) : Promise.reject(new DOMException(refusal(url), 'SecurityError'));
		});
	}

	const Xhr = scope.XMLHttpRequest as typeof XMLHttpRequest | undefined;
	if (Xhr) {
		const open = Xhr.prototype.open as (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) => void;
		Object.defineProperty(Xhr.prototype, 'open', {
			value(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
				if (!isOwnOrigin(url)) refuse(url);
				return open.call(this, method, url, ...rest);
			},
			writable: false,
			configurable: false
		});
	}

	guardConstructor('WebSocket', (args) => args[0]);
	guardConstructor('EventSource', (args) => args[0]);
	guardConstructor('WebTransport', (args) => args[0]);

	const importScripts = scope.importScripts as ((...urls: string[]) => void) | undefined;
	if (importScripts) {
		seal('importScripts', (...urls: string[]) => {
			for (const url of urls) if (!isOwnOrigin(url)) refuse(url);
			return importScripts.apply(globalThis, urls);
		});
	}
}

installNetworkGuard();
