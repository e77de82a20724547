import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { sendError } from './rest-error.js';

const appsDir = fileURLToPath(new URL('../../../../apps/', import.meta.url));

/** Vite writes every bundled file under assets/ with a content hash in its name. */
const HASHED_ASSETS = '/assets/';

/**
 * Serves a built Vue app under `base`. A path without a file extension gets the app's index.html,
 * so the app's router handles deep links; a missing file is a 404, never a page in its place.
 * Before `pnpm build` it says how to build instead.
 */
export function serveApp(name: 'monitor' | 'licensing'): Router {
  const dist = `${appsDir}${name}/dist`;
  const router = express.Router();
  router.use(
    express.static(dist, {
      index: 'index.html',
      maxAge: '1h',
      // A hashed asset never changes under its name; index.html is revalidated so a deploy is seen at once.
      setHeaders(res, path) {
        if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
        else if (path.startsWith(`${dist}${HASHED_ASSETS}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  router.get('/{*path}', (req, res) => {
    if (extname(req.path) !== '' || req.path.startsWith(HASHED_ASSETS)) {
      sendError(res, 404, 'NOT_FOUND', 'No such file.');
      return;
    }
    if (!existsSync(`${dist}/index.html`)) {
      res.status(503).type('text').send(`The ${name} app is not built yet: run \`pnpm build\` at the repository root.`);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(`${dist}/index.html`);
  });
  return router;
}
