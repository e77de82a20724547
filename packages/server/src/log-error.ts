/**
 * Logs an unexpected failure for the operators, never the values it was handling: drizzle puts a
 * failed query's parameters (emails, token hashes) in its message, and PostgreSQL quotes the
 * offending value in its data errors. What is logged: the error's kind, the SQL text without its
 * parameters, the database's error code, and the stack frames.
 */
export function logUnexpected(scope: string, error: unknown): void {
  console.error(`[${scope}] unexpected error: ${describeError(error)}`);
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${typeof error}`;
  const lines = [`${error.name}: ${safeMessage(error)}`, ...stackFrames(error)];
  if (error.cause !== undefined) lines.push(`caused by ${describeError(error.cause)}`);
  return lines.join('\n');
}

function safeMessage(error: Error): string {
  // drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <values>".
  if ('query' in error && typeof error.query === 'string' && 'params' in error) return `Failed query: ${error.query}`;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  // SQLSTATE classes 22 (data exception) and 23 (integrity) may quote the value that failed.
  if (code && /^2[23]/.test(code)) return `${error.message.replace(/"[^"]*"/g, '"…"')} (SQLSTATE ${code})`;
  return code ? `${error.message} (${code})` : error.message;
}

function stackFrames(error: Error): string[] {
  // Only the frames: the stack's first lines repeat the message, parameters included.
  return (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
}
