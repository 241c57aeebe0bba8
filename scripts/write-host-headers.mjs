/**
 * After `vite build`: writes the security headers in the formats static hosts
 * read, so the Content-Security-Policy reaches the workers there too:
 * `_headers` (Netlify, Cloudflare Pages) and `.htaccess` (Apache).
 * For nginx and others the README shows the header to send.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { securityHeaders } from './security-headers.mjs';

const BUILD = 'build';
const headers = Object.entries(securityHeaders(BUILD));

writeFileSync(join(BUILD, '_headers'), ['/*', ...headers.map(([name, value]) => `  ${name}: ${value}`), ''].join('\n'));
writeFileSync(
	join(BUILD, '.htaccess'),
	['<IfModule mod_headers.c>', ...headers.map(([name, value]) => `  Header always set ${name} "${value.replaceAll('"', '\\"')}"`), '</IfModule>', ''].join('\n')
);
console.log(`Security headers written to ${BUILD}/_headers and ${BUILD}/.htaccess`);
