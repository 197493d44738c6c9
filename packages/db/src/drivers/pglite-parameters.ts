/**
 * Query parameters for the embedded PGlite driver, sent as text with no declared type so PostgreSQL
 * infers each type from the statement — the same values node-postgres sends in production mode, so
 * a statement behaves the same on both drivers.
 */
export function toTextParameter(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Uint8Array) {
    return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return toArrayLiteral(value);
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}

/** A PostgreSQL array literal (`{"a","b",NULL}`), nested arrays included. */
function toArrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((element) => {
    if (element === null || element === undefined) {
      return 'NULL';
    }
    if (Array.isArray(element)) {
      return toArrayLiteral(element);
    }
    const text =
      element instanceof Uint8Array ? `\\x${Buffer.from(element).toString('hex')}` : toTextParameter(element);
    return `"${(text ?? '').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${elements.join(',')}}`;
}
