import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PACKAGE_ROOT } from '../core/package-root.js';

/** Where scripts/build.mjs puts the built browser consoles (web/). */
export const CONSOLES_DIR = join(PACKAGE_ROOT, 'dist', 'web');

/**
 * The browser consoles at `/`: static files only (the consoles speak the public API like
 * any client). Hashed assets are cached for a year, the page itself never; without a
 * build, `/` says how to make one.
 */
export async function consoleRoutes(app: FastifyInstance, options: { dir?: string } = {}): Promise<void> {
  const dir = options.dir ?? CONSOLES_DIR;
  if (!existsSync(join(dir, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('The browser consoles are not built: run `npm run build` (it needs the devDependencies).\n'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    decorateReply: false,
    schemaHide: true,
    setHeaders(response, path) {
      response.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
