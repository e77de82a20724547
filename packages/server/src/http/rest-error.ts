import type { Response } from 'express';

/** REST errors as the HTTP contract gives them: `{"error":{"code","message"}}` with a fitting status. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}
