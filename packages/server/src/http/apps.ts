import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const appsDir = fileURLToPath(new URL('../../../../apps/', import.meta.url));

/**
 * Serves a built Vue app under `base`; any other path under it gets the app's index.html, so the
 * app's router handles deep links. Before `pnpm build` it says how to build instead.
 */
export function serveApp(name: 'monitor' | 'licensing'): Router {
  const dist = `${appsDir}${name}/dist`;
  const router = express.Router();
  router.use(express.static(dist, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
  router.get('/{*path}', (_req, res) => {
    if (!existsSync(`${dist}/index.html`)) {
      res.status(503).type('text').send(`The ${name} app is not built yet: run \`pnpm build\` at the repository root.`);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(`${dist}/index.html`);
  });
  return router;
}

// Hashed assets may be cached; index.html must be revalidated so a deploy is seen at once.
function noCacheForHtml(res: express.Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
