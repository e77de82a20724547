export { type Database, type DatabaseHandle, type DatabaseOptions, type Schema, type Transaction, openDatabase } from './client.js';
export { DataDirInUseError } from './data-dir-lock.js';
export { loadReferenceData } from './reference/load.js';
export * as tables from './schema.js';
export type { ApplicantSnapshot, BulkUploadLicense, LicenseFlag } from './schema.js';
