import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { type GraphQLInputType, type GraphQLSchema, coerceInputValue } from 'graphql';
import type { Request, Response } from 'express';
import { AppError } from '../errors.js';
import { EXPORT_COLUMNS, exportLicenses } from '../licensing/export-licenses.js';
import type { LicenseFilter } from '../licensing/license.model.js';
import type { Services } from '../services.js';
import { sendError } from './rest-error.js';
import { viewerOf } from './viewer.js';

/**
 * The `filter` parameter is a LicenseFilter as JSON: read with the GraphQL schema's own type, so
 * the dashboard, the API and the export accept exactly the same filters.
 */
function readFilter(schema: GraphQLSchema, raw: unknown): LicenseFilter {
  if (raw === undefined || raw === '') return {};
  if (typeof raw !== 'string') throw new Error('Give the filter once, as JSON.');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error('The filter is not valid JSON.');
  }
  const type = schema.getType('LicenseFilter') as GraphQLInputType;
  return coerceInputValue(value, type, (path, _invalid, error) => {
    throw new Error(`filter${path.map((key) => `.${key}`).join('')}: ${error.message}`);
  }) as LicenseFilter;
}

/** DASH-2: `GET /api/licenses/export?format=xlsx|csv&filter=<LicenseFilter as JSON>` for a session or a token. */
export function licenseExportHandler(services: Services, schema: GraphQLSchema) {
  return async (req: Request, res: Response) => {
    const viewer = await viewerOf(services, req);
    if (!viewer) return sendError(res, 401, 'UNAUTHENTICATED', 'Sign in, or send an API token, to export licenses.');
    const format = req.query.format ?? 'xlsx';
    if (format !== 'xlsx' && format !== 'csv') return sendError(res, 400, 'BAD_USER_INPUT', 'format must be xlsx or csv.');
    let filter: LicenseFilter;
    try {
      filter = readFilter(schema, req.query.filter);
    } catch (error) {
      return sendError(res, 400, 'BAD_USER_INPUT', error instanceof Error ? error.message : 'The filter is not a license filter.');
    }
    let rows;
    try {
      rows = await exportLicenses(services, viewer, filter);
    } catch (error) {
      if (error instanceof AppError) return sendError(res, 400, error.code, error.message);
      throw error;
    }
    const name = `aim-licenses-${new Date().toISOString().slice(0, 10)}`;
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`);
      // A byte-order mark, so Excel reads the file as UTF-8.
      res.send(`\uFEFF${stringify([[...EXPORT_COLUMNS], ...rows])}`);
      return;
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Licenses', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([...EXPORT_COLUMNS]).font = { bold: true };
    sheet.addRows(rows);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${name}.xlsx`);
    res.send(Buffer.from(await workbook.xlsx.writeBuffer()));
  };
}
