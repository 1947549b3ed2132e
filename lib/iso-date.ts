/** A date as ISO 8601 text (UTC) for JSON and pages, or null when there is none. Accepts a Date or a date string from raw SQL. */
export function isoDate(d: Date | string | null | undefined): string | null {
  return d ? new Date(d).toISOString() : null;
}
