import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { sql } from 'drizzle-orm';
import express, { type Express, type Request, type Response } from 'express';
import helmet from 'helmet';
import { SESSION_COOKIE, sessionExpiry } from './accounts/sessions.js';
import type { Context } from './graphql/context.js';
import { formatError } from './graphql/format-error.js';
import { controlCharacterPlugin } from './graphql/input-text.js';
import { operationLimits, operationLimitsPlugin } from './graphql/limits.js';
import { createLoaders } from './graphql/loaders.js';
import { servedSchema } from './graphql/schema.js';
import { type BulkUploadLimits, defaultBulkUploadLimits } from './config.js';
import { serveApp } from './http/apps.js';
import { bulkTemplateHandler, bulkUploadHandler } from './http/bulk-licenses.js';
import { licenseExportHandler } from './http/license-export.js';
import { licensePrintHandler } from './http/license-print.js';
import { errorHandler, sendError } from './http/rest-error.js';
import { sessionSecretOf, viewerOf } from './http/viewer.js';
import { logUnexpected } from './log-error.js';
import type { Services } from './services.js';

export interface AppOptions {
  /** Proxies in front whose `X-Forwarded-*` headers are believed, counted from the server (Config.trustedProxies). */
  trustedProxies?: number;
  /** What one spreadsheet upload may ask of the server (Config.bulkUploads). */
  bulkUploads?: BulkUploadLimits;
}

/** The whole HTTP surface of ../contract/HTTP.md on one express app. */
export async function createApp(services: Services, options: AppOptions = {}): Promise<{ app: Express; stop: () => Promise<void> }> {
  const schema = await servedSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // A public API: introspection stays on everywhere (contract.graphql).
    introspection: true,
    // main.ts stops the HTTP server, Apollo and the database in order; Apollo's own signal handler
    // would re-raise the signal and end the process before the database (and its data-folder lock) closes.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: operationLimits.maxTokens },
    // Apollo's landing page loads its sandbox from a CDN, which the CSP (and a closed network) refuse.
    plugins: [
      operationLimitsPlugin,
      controlCharacterPlugin,
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's default cache-control plugin wraps every field resolver to collect cache hints,
      // which AIM does not use; without it a list of 67 HTS codes resolves in a third of the time.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // A number of hops, never `true`: `true` believes the left-most X-Forwarded-For, which the client writes.
  app.set('trust proxy', options.trustedProxies ?? 0);
  // helmet's defaults (CSP 'self', nosniff, frame and referrer policies). Requests are upgraded
  // to HTTPS by the TLS terminator in front, not by the page, so local HTTP keeps working.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));

  app.get('/healthz', async (_req, res) => {
    try {
      await services.db.execute(sql`select 1`);
      res.json({ status: 'ok' });
    } catch (error) {
      logUnexpected('healthz', error);
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: ({ req, res }) => requestContext(services, req, res) }),
  );

  const bulkLimits = options.bulkUploads ?? defaultBulkUploadLimits;
  app.get('/api/templates/aluminum.xlsx', bulkTemplateHandler(services, bulkLimits));
  app.post('/api/licenses/bulk', bulkUploadHandler(services, bulkLimits));
  app.get('/api/licenses/export', licenseExportHandler(services, schema));
  app.get('/api/licenses/:number/print', licensePrintHandler(services));

  const mailbox = services.mailer.devMailbox;
  app.get('/api/dev/mailbox', (_req, res) => {
    if (!mailbox) return sendError(res, 404, 'NOT_FOUND', 'There is no development mailbox: email goes to the SMTP server.');
    res.setHeader('Cache-Control', 'no-store');
    res.json({ messages: mailbox });
  });
  app.use('/api', (_req, res) => sendError(res, 404, 'NOT_FOUND', 'No such API route.'));

  app.use('/licensing', serveApp('licensing'));
  app.use('/', serveApp('monitor'));
  app.use(errorHandler);

  return { app, stop: () => apollo.stop() };
}

async function requestContext(services: Services, req: Request, res: Response): Promise<Context> {
  return {
    ...services,
    loaders: createLoaders(services.db),
    viewer: (await viewerOf(services, req)) ?? null,
    sessionSecret: sessionSecretOf(req),
    clientAddress: req.ip ?? 'unknown',
    setSessionCookie(secret) {
      const cookie = { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' } as const;
      if (secret) res.cookie(SESSION_COOKIE, secret, { ...cookie, expires: sessionExpiry(services.clock()) });
      else res.clearCookie(SESSION_COOKIE, cookie);
    },
  };
}
