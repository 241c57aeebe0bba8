import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Content-Security-Policy: the page may talk to its own origin only.
 * `blob:`/`data:` cover workers, wasm and exported files; 'wasm-unsafe-eval'
 * lets DuckDB and TensorFlow.js compile their WebAssembly.
 * SvelteKit writes it as a <meta> tag with hashes of its inline scripts.
 */
const SELF = ['self'];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		alias: { $workers: 'workers', $models: 'models' },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': SELF,
				'script-src': [...SELF, 'wasm-unsafe-eval', 'blob:'],
				'worker-src': [...SELF, 'blob:'],
				'connect-src': [...SELF, 'blob:', 'data:'],
				'img-src': [...SELF, 'blob:', 'data:'],
				'font-src': SELF,
				'style-src': [...SELF, 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': SELF,
				'form-action': ['none']
			}
		}
	}
};

export default config;
