/** A local HTTP server on another port that counts what reaches it: the stand-in for "another host". */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingServer {
	origin: string;
	hits: string[];
	close(): Promise<void>;
}

export async function startCountingServer(): Promise<CountingServer> {
	const hits: string[] = [];
	const server: Server = createServer((req, res) => {
		hits.push(`${req.method} ${req.url}`);
		res.writeHead(200, { 'content-type': 'text/csv', 'access-control-allow-origin': '*' });
		res.end('a,b\n1,2\n');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		hits,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
