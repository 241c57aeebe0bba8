import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
	server: { port: 5173, strictPort: true, fs: { allow: ['workers', 'models'] } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});
