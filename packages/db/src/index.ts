export { type Database, type DatabaseHandle, type DatabaseOptions, type Schema, type Transaction, openDatabase } from './client.js';
export { loadReferenceData } from './reference/load.js';
export * as tables from './schema.js';
