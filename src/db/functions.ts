import type Database from 'better-sqlite3';
import { bigramsOf } from '../kb/query.js';

/**
 * SQL functions the schema's triggers call, so they must exist on every connection before
 * the migrations run: SQLite looks a trigger's functions up when it fires.
 */
export function registerFunctions(sqlite: Database.Database): void {
  sqlite.function('kb_bigrams', { deterministic: true }, (text: unknown) => bigramsOf(typeof text === 'string' ? text : ''));
}
