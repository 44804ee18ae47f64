// Puts the google.script.* bridge (client/google-script.ts, bundled at start) into the add-on's own HTML pages
// as their very first script, so it exists before the page's own scripts run.

export function withGoogleScript(
  html: string,
  bridgeJs: string,
  surface: 'sidebar' | 'dialog',
  visitor: string,
): string {
  // `visitor` is checked against VISITOR_ID (letters, digits, dashes) before it gets here.
  const tag = `<script data-surface="${surface}" data-visitor="${visitor}">${bridgeJs.replace(/<\/script/gi, '<\\/script')}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const doctype = /<!doctype[^>]*>/i.exec(html);
  if (doctype)
    return html.slice(0, doctype.index + doctype[0].length) + tag + html.slice(doctype.index + doctype[0].length);
  return tag + html;
}
