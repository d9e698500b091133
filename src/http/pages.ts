import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

/** Built by `npm run build` (Vite) from web/; the service only serves the files. */
export const pagesRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * The agent desktop and the supervisor page. The files are the same for everyone and hold
 * no data; everything they show comes from the authenticated API and WebSocket.
 */
const pages: FastifyPluginAsync = async (app) => {
  if (!existsSync(pagesRoot)) {
    app.log.warn({ pagesRoot }, 'the pages are not built; run `npm run build` to serve the desktop');
    app.get('/', async (_request, reply) => reply.code(503).type('text/plain').send('The desktop pages are not built: run `npm run build`.\n'));
    return;
  }
  await app.register(fastifyStatic, {
    root: pagesRoot,
    // Hashed asset names change with every build, so they may be cached for good; pages may not.
    setHeaders: (res, path) => res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
};

export default fp(pages, { name: 'pages' });
