// The triage sidebar's Apps Script surface: opening the built Sidebar.html, and who is triaging.

export const SIDEBAR_FILE = 'Sidebar';

export function showSidebarPage(title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * The leader's email for "triaged by", in one read of Session (two calls). A sidebar call runs under the
 * authority of the leader at the keyboard, so the effective user is that leader: the Session reference says that
 * apart from "execute as me" web apps and installable triggers it is the same account as getActiveUser().
 * It was the fallback when the active user's email came back blank; asking it alone saves two calls.
 */
export function currentUserEmail(): string {
  return Session.getEffectiveUser().getEmail() || 'unknown leader';
}
