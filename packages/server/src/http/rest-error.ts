import type { ErrorRequestHandler, Response } from 'express';
import { logUnexpected } from '../log-error.js';

/** REST errors as the HTTP contract gives them: `{"error":{"code","message"}}` with a fitting status. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

// body-parser's failures, in the words a caller can act on.
const requestFailures: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body’s encoding is not supported.' },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body’s charset is not supported.' },
};

/**
 * The status of a failure that express, body-parser or serve-static blame on the request (a body
 * that does not inflate, a path that does not decode): they mark it with a 4xx `status`.
 */
function requestFaultStatus(error: unknown): number | undefined {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : Number.NaN;
  return status >= 400 && status < 500 ? status : undefined;
}

/** The last handler: every failure leaves as JSON, never as express's HTML page with a stack trace. */
export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const type = typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
  const known = requestFailures[type];
  if (known) return sendError(res, known.status, known.code, known.message);
  const status = requestFaultStatus(error);
  if (status === 404) return sendError(res, 404, 'NOT_FOUND', 'Nothing is here.');
  if (status) return sendError(res, status, 'BAD_REQUEST', 'The request could not be read: check its path, headers and body.');
  logUnexpected('http', error);
  sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on our side. Try again later.');
};
