// The triage sidebar's Apps Script surface: opening the built Sidebar.html, and who is triaging.

export const SIDEBAR_FILE = 'Sidebar';

export function showSidebarPage(title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** The leader's email for "triaged by"; the effective user when the domain hides the active one. */
export function currentUserEmail(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'unknown leader';
}
