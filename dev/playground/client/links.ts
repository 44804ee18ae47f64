// Where a Google link inside the playground leads: a Doc to the Docs tab, Gmail to the Drafts tab, a Form to the
// Intake Form tab, a spreadsheet to the District tab; anything else is not the playground's to open.

export type PlaygroundTab = 'sheet' | 'form' | 'docs' | 'drafts' | 'triggers' | 'activity' | 'district';

export interface LinkTarget {
  tab: PlaygroundTab;
  /** The Doc to show, for Doc links. */
  id?: string;
}

/** The playground tab a Workspace link opens, or null for a link to anywhere else. */
export function linkTarget(href: string): LinkTarget | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.hostname === 'mail.google.com') return { tab: 'drafts' };
  if (url.hostname !== 'docs.google.com') return null;
  const doc = /^\/document\/d\/([\w-]+)/.exec(url.pathname);
  if (doc) return { tab: 'docs', id: doc[1] };
  if (url.pathname.startsWith('/forms/')) return { tab: 'form' };
  if (url.pathname.startsWith('/spreadsheets/')) return { tab: 'district' };
  return null;
}

/** The message an add-on page (through its google.script bridge) sends the playground page to open a link. */
export interface OpenLinkMessage {
  source: 'small-wins-addon';
  type: 'open-link';
  href: string;
}
