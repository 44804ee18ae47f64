// How the add-on's pages show a date: in the school's time zone (the spreadsheet's, sent by the server), not the
// browser's, so a win sent at 9 pm in New York shows that day wherever the leader reads it. No DOM.

/**
 * A date as "3 Mar 2025" in the reader's locale and the school's time zone; empty for text that is not a date. An
 * unknown or missing zone falls back to the browser's.
 */
export function shortDate(iso: string, timeZone = ''): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  try {
    return d.toLocaleDateString(undefined, timeZone ? { ...options, timeZone } : options);
  } catch {
    return d.toLocaleDateString(undefined, options);
  }
}
