/**
 * Serves the built workbench (`build/`) as a static host should: every
 * response carries the Content-Security-Policy as an HTTP header (so the
 * workers run under the page's policy), and every file is read from disk and
 * revalidated by its ETag on each request, so a rebuild while it runs is a new
 * version at once (the service worker then offers "Update now").
 * `npm start` and the browser journeys use it.
 *
 * Usage: node scripts/serve.mjs [port] [--plain]   (default 4173, or $PORT); localhost only.
 * `--plain` sends no security headers, as many static hosts do: the journeys
 * use it to show that the page's own policy still governs its workers.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import sirv from 'sirv';
import { securityHeaders } from './security-headers.mjs';

const BUILD = 'build';
const args = process.argv.slice(2);
const plain = args.includes('--plain');
const port = Number(args.find((a) => /^\d+$/.test(a)) ?? process.env.PORT ?? 4173);
if (!existsSync(`${BUILD}/sw.js`)) {
	console.error(`${BUILD}/ is missing or incomplete: run "npm run build" first.`);
	process.exit(1);
}

const headers = plain ? [] : Object.entries(securityHeaders(BUILD));
// `dev: true` only means "look files up on each request" (sirv otherwise lists them once at start).
const files = sirv(BUILD, { dev: true, etag: true });

const server = createServer((req, res) => {
	for (const [name, value] of headers) res.setHeader(name, value);
	files(req, res, () => {
		res.statusCode = 404;
		res.setHeader('Content-Type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
});
server.on('error', (e) => {
	console.error(`Cannot serve on port ${port}: ${e.message}`);
	process.exit(1);
});
server.listen(port, 'localhost', () => console.log(`CRM Workbench: http://localhost:${port}`));
