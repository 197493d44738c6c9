const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be compared with a `uuid` column without a database error. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
