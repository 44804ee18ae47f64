// The Small Wins add-on menu. Built in any AuthMode: it touches no service that needs authorization.

export interface MenuItem {
  caption: string;
  fn: string;
}

/** Menu items in order; each names a global function exported from index.ts. */
export const MENU_ITEMS: MenuItem[] = [
  { caption: 'Set up', fn: 'setUp' },
  { caption: 'Triage wins', fn: 'showTriage' },
  { caption: 'Showcase practices', fn: 'showShowcase' },
  { caption: 'Settings', fn: 'showSettings' },
  { caption: 'Draft newsletter now', fn: 'draftNewsletterNow' },
  { caption: 'Refresh dashboard', fn: 'refreshDashboard' },
  { caption: 'Year-end synthesis…', fn: 'showSynthesis' },
  { caption: 'Help', fn: 'showHelp' },
];

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.fn);
  menu.addToUi();
}
