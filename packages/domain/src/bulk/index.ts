// Many licenses at once (SPEC BULK): the template's columns and how a sheet becomes licenses.
export { BULK_COLUMNS, ENTRY_TYPE_COLUMN, ENTRY_TYPE_WORDS, NOT_APPLICABLE_WORDS, type BulkColumn, type BulkColumnKey } from './columns.js';
export { type BulkCell, type BulkCellError, type BulkFormula, type PortName, portLabel } from './cells.js';
export {
  type BulkEntry,
  type BulkReference,
  type BulkRow,
  type BulkRowError,
  type BulkSheet,
  bulkCellOfPath,
  bulkPolicy,
  checkBulkEntry,
  isBulkHeaderRow,
  readBulkSheet,
  sortBulkErrors,
} from './bulk-file.js';
