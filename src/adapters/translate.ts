// Machine translation through LanguageApp (it needs no OAuth scope): one call per planned piece of HTML, from English.
// Not retried: a failure (the daily quota, the service down) gives that language the English edition this time.

/** The pieces translated in order; throws the service's error as it came. */
export function translateHtml(pieces: readonly string[], target: string): string[] {
  return pieces.map((html) => LanguageApp.translate(html, 'en', target, { contentType: 'html' }));
}
