import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { securityHeaders } from './scripts/security-headers.mjs';

/**
 * `vite preview` (hence `npm start` and the journeys) sends the built page's
 * Content-Security-Policy as an HTTP header on every response, as a static
 * host should: the workers then run under the same policy as the page.
 */
function securityHeadersOnPreview(): Plugin {
	return {
		name: 'crm-security-headers',
		configurePreviewServer(server) {
			const headers = securityHeaders();
			server.middlewares.use((_req, res, next) => {
				for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
				next();
			});
		}
	};
}

export default defineConfig({
	plugins: [securityHeadersOnPreview(), sveltekit()],
	worker: { format: 'es' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
	server: { port: 5173, strictPort: true, fs: { allow: ['workers', 'models'] } },
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});
