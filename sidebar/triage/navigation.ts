// Plain arithmetic for moving through the queue: the next and previous win, the page's range and last page,
// and adding or removing an item in a list (goals, selected wins). No DOM, no Preact.

/** The next win's index, staying on the last one. */
export function nextIndex(i: number, length: number): number {
  return Math.min(i + 1, Math.max(length - 1, 0));
}

/** The previous win's index, staying on the first one. */
export function previousIndex(i: number): number {
  return Math.max(i - 1, 0);
}

/** Which wins a page shows (1-based, for "11–20 of 45") and the last page's number (0-based). */
export function pageRange(
  page: number,
  pageSize: number,
  total: number,
): { first: number; last: number; lastPage: number } {
  const start = page * pageSize;
  return {
    first: start + 1,
    last: Math.min(start + pageSize, total),
    lastPage: Math.max(0, Math.ceil(total / pageSize) - 1),
  };
}

/** The list with the item removed if it was there, added at the end if not. */
export function toggled<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}
