// Which text read from stored data (a Doc link in the Newsletters sheet, an evidence link typed on the Form) may
// become a link: only an https: address. http:, javascript:, data: and anything else stays text, everywhere.
import { cellString } from './text';

/**
 * The address to link to, or null when the text must stay text. Accepted: `https://` then a host name (letters,
 * digits, dots, hyphens, an optional port), then an optional path, query or fragment; no spaces, control characters,
 * quotes, angle brackets or backslashes anywhere (browsers drop tabs and new lines inside a scheme, so
 * "java\nscript:" would otherwise slip through). Surrounding spaces are trimmed.
 */
export function safeLink(value: unknown): string | null {
  const text = cellString(value).trim();
  if (text.length > 2000) return null;
  if (/[\p{Cc}\s"'<>\\`]/u.test(text)) return null;
  const m = /^https:\/\/([^/?#]*)([/?#].*)?$/i.exec(text);
  if (!m) return null;
  const host = m[1];
  if (
    !/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?$/.test(host)
  )
    return null;
  return text;
}
