// PostgreSQL error codes (the same from PGlite and pg); Drizzle wraps the driver's error in `cause`.
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 3; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/** A row still referenced from another table (a delete of something in use). */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === '23503';
}
