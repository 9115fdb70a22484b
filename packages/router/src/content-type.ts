/**
 * Whether a Content-Type or Accept header names one of `validTypes`, as API Gateway and Chalice
 * decide it: any `*\/*` matches; otherwise some part of the header (split on `,` and `;`,
 * trimmed, case-insensitive) must equal a valid type.
 *
 * @example
 * matchesContentType('application/json; charset=utf-8', ['application/json']); // true
 */
export function matchesContentType(header: string, validTypes: readonly string[]): boolean {
  const value = header.toLowerCase();
  if (value.includes('*/*')) return true;
  for (const type of validTypes) {
    const t = type.toLowerCase();
    if (t === value || t === '*/*') return true;
  }
  // includes(), not a regex: this runs at every cold start, and a first regex costs tens of µs.
  if (!value.includes(',') && !value.includes(';')) return false;
  for (const raw of value.split(/[,;]/)) {
    const part = raw.trim();
    for (const type of validTypes) if (type.toLowerCase() === part) return true;
  }
  return false;
}
