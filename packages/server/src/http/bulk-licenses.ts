import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { easternDate } from '@aim/domain';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import type { BulkUploadLimits } from '../config.js';
import { AppError } from '../errors.js';
import { bulkTemplate } from '../licensing/bulk-template.js';
import { WorkbookRefused, readBulkWorkbook } from '../licensing/read-bulk-workbook.js';
import { BulkFileRejected, submitBulkLicenses } from '../licensing/submit-bulk-licenses.js';
import { referenceData } from '../reference/reference-data.js';
import type { Services } from '../services.js';
import { sendError } from './rest-error.js';
import { viewerOf } from './viewer.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** BULK-1: `GET /api/templates/aluminum.xlsx`, made once a day (its example row is dated from today). */
export function bulkTemplateHandler(services: Services, limits: BulkUploadLimits) {
  let made: { day: string; file: Promise<Buffer> } | undefined;
  return async (_req: Request, res: Response) => {
    const day = easternDate(services.clock());
    if (made?.day !== day) {
      const file = referenceData(services.db).then((reference) => bulkTemplate(reference, day, limits.maxRows));
      file.catch(() => (made = undefined));
      made = { day, file };
    }
    const file = await made.file;
    res.setHeader('Cache-Control', 'no-cache');
    res.type(XLSX_TYPE).attachment('aim-aluminum-licenses-template.xlsx').send(file);
  };
}

class UploadTooLarge extends Error {}

/** Counts and hashes the bytes on their way to disk, and stops past the limit. */
function measured(maxBytes: number) {
  const hash = createHash('sha256');
  let bytes = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) return callback(new UploadTooLarge());
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  return { transform, digest: () => hash.digest('hex') };
}

type Received = { ok: true; contentHash: string } | { ok: false; status: 400 | 413 | 415; code: string; message: string };

const tooLarge = (limits: BulkUploadLimits): Received => ({
  ok: false,
  status: 413,
  code: 'PAYLOAD_TOO_LARGE',
  message: `The file is larger than ${Math.round(limits.maxUploadBytes / 1_000_000)} MB. Split it into smaller files of at most ${limits.maxRows.toLocaleString('en-US')} rows.`,
});

async function saveStream(stream: Readable, path: string, limits: BulkUploadLimits): Promise<Received> {
  const { transform, digest } = measured(limits.maxUploadBytes);
  try {
    await pipeline(stream, transform, createWriteStream(path));
  } catch (error) {
    if (error instanceof UploadTooLarge) return tooLarge(limits);
    throw error;
  }
  return { ok: true, contentHash: digest() };
}

/**
 * The upload to `path`, streamed within the size limit: a multipart form's `file` field (the
 * contract's form), or the .xlsx file itself as the body (a program's simplest request).
 */
async function receiveUpload(req: Request, path: string, limits: BulkUploadLimits): Promise<Received> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === XLSX_TYPE || type === 'application/octet-stream') return saveStream(req, path, limits);
  if (type !== 'multipart/form-data') {
    return { ok: false, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `Send the .xlsx file as the field "file" of a multipart form, or as the body with Content-Type ${XLSX_TYPE}.` };
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 1000, parts: 30 } });
  } catch {
    return { ok: false, status: 400, code: 'BAD_REQUEST', message: 'The multipart form could not be read: it has no boundary.' };
  }
  let saved: Promise<Received> | undefined;
  parser.on('file', (name, stream) => {
    if (name !== 'file' || saved) {
      stream.resume();
      return;
    }
    saved = saveStream(stream, path, limits);
    // Past the limit, the rest of this field is read and dropped, so the answer reaches the client.
    saved.then((received) => !received.ok && stream.resume(), () => stream.resume());
  });
  try {
    await pipeline(req, parser);
  } catch {
    return { ok: false, status: 400, code: 'BAD_REQUEST', message: 'The multipart form could not be read.' };
  }
  return (await saved) ?? { ok: false, status: 400, code: 'BAD_REQUEST', message: 'The form has no field named "file": choose a file to upload.' };
}

/** A signed-in browser may upload only from AIM's own pages: a session cookie alone does not prove the filer chose to. */
function crossSite(req: Request): boolean {
  if (req.headers.authorization) return false;
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/**
 * BULK-2, BULK-3: `POST /api/licenses/bulk` for a session or an API token. The file is streamed to
 * a private temporary folder within the size limit, read within the workbook limits, and checked
 * and written all or nothing. Answers 200 `{ licenses: [{ entryId, number, status, flags }], count,
 * repeated, uploadedAt }`, or 422 `{ error, errors: [{ row, column, message }], errorCount }`.
 */
export function bulkUploadHandler(services: Services, limits: BulkUploadLimits) {
  let checking = 0;
  return async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    const refuse = (status: number, code: string, message: string) => {
      // What the client is still sending is read and dropped, so it gets the answer rather than a reset.
      req.resume();
      sendError(res, status, code, message);
    };
    const viewer = await viewerOf(services, req);
    if (!viewer) return refuse(401, 'UNAUTHENTICATED', 'Sign in, or send an API token, to upload licenses.');
    if (crossSite(req)) return refuse(403, 'FORBIDDEN', 'Upload files from AIM’s own Multiple Licenses page.');
    if (declared > limits.maxUploadBytes) {
      const refusal = tooLarge(limits);
      if (!refusal.ok) return refuse(refusal.status, refusal.code, refusal.message);
    }
    if (checking >= limits.maxConcurrent) {
      res.setHeader('Retry-After', '5');
      return refuse(429, 'TOO_MANY_REQUESTS', 'Other uploads are being checked right now. Try again in a few seconds.');
    }
    checking++;
    const folder = await mkdtemp(join(tmpdir(), 'aim-upload-'));
    try {
      const received = await receiveUpload(req, join(folder, 'upload.xlsx'), limits);
      if (!received.ok) return refuse(received.status, received.code, received.message);
      const sheet = await readBulkWorkbook(join(folder, 'upload.xlsx'), limits);
      const idempotencyKey = req.get('idempotency-key') ?? null;
      const result = await submitBulkLicenses(services, viewer, { sheet, contentHash: received.contentHash }, idempotencyKey);
      res.json({ licenses: result.licenses, count: result.licenses.length, repeated: result.repeated, uploadedAt: result.uploadedAt.toISOString() });
    } catch (error) {
      if (error instanceof WorkbookRefused) return sendError(res, error.status, error.code, error.message);
      if (error instanceof BulkFileRejected) {
        res.status(422).json({ error: { code: error.code, message: error.message }, errors: error.errors, errorCount: error.errorCount });
        return;
      }
      if (error instanceof AppError) return sendError(res, error.code === 'FORBIDDEN' ? 403 : 400, error.code, error.message);
      throw error;
    } finally {
      checking--;
      await rm(folder, { recursive: true, force: true });
    }
  };
}
