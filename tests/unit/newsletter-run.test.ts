// The decisions of a newsletter run moved out of src/app: which wins each audience gets, when a scheduled run has
// nothing to do, a new issue's row, who a draft goes to, when the Doc is retried, what leaders read, and which
// Shared in cells marking and cancelling write.
import { Columns } from '../../src/domain/log-columns';
import { removeTag } from '../../src/domain/newsletter';
import { Issue } from '../../src/domain/newsletter-issues';
import {
  changedAfterDraftNote,
  leftOutOfDraftNote,
  leftOutOfIssueNote,
  recheck,
  withAttention,
} from '../../src/domain/newsletter-recheck';
import { decodeWin, Win, winFromCells } from '../../src/domain/win';
import {
  busyMessage,
  cancelBusyMessage,
  cancelledMessage,
  draftedMessage,
  draftGoneMessage,
  emailNotes,
  emptyMessage,
  existsMessage,
  failedMessage,
  failureReason,
  issueLabel,
  recentIssueList,
} from '../../src/domain/newsletter-messages';
import {
  allDrafted,
  allEmpty,
  CLAIM_MS,
  claimUntil,
  draftAddresses,
  draftIsMine,
  eligibleIds,
  EMPTY_MEMORY,
  LogSelection,
  newIssue,
  onDemandIssue,
  rememberEmpty,
  retryDoc,
} from '../../src/domain/newsletter-plan';
import { WIN_FIELDS, WinField } from '../../src/domain/schema';
import { planMarks, retagSpan } from '../../src/domain/shared-in-marks';

type Cells = Partial<Record<WinField, string>>;

function w(over: Cells): Cells {
  return {
    id: 'W-1',
    status: 'Approved',
    kind: 'Win',
    headline: 'H',
    story: 'S',
    blurb: '',
    goals: '',
    consent: 'Public',
    consentGiven: 'Public',
    namesStudents: 'No',
    privacyCleared: 'No',
    featured: 'No',
    name: 'Ana',
    email: 'ana@s.example',
    role: 'Teacher',
    sharedIn: '',
    submittedAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}

function issue(over: Partial<Issue> = {}): Issue {
  return {
    row: 2,
    number: 3,
    audience: 'Families',
    period: 'Week of 2 Nov 2026',
    key: 'Families 2026-W45',
    state: 'Done',
    docUrl: 'https://docs.google.com/document/d/D1/edit',
    docId: 'D1',
    draftId: 'r-1',
    winIds: ['W-1', 'W-2'],
    stats: { wins: 2, lessons: 0, goals: 1, contributors: 1 },
    createdAt: '2026-11-06T07:00:00.000Z',
    createdBy: 'lead@school.example',
    cancelled: '',
    attention: '',
    ...over,
  };
}

/** A selection of the log's rows 2.. from wins (an empty ID gives a row without one). */
function selection(wins: Cells[]): LogSelection {
  const ids = wins.map((x) => x.id ?? '');
  const idRows = new Map<string, number>();
  ids.forEach((id, i) => id && !idRows.has(id) && idRows.set(id, i + 2));
  const cols: Record<string, string[]> = {};
  for (const f of ['status', 'consent', 'consentGiven', 'namesStudents', 'privacyCleared', 'sharedIn'] as const)
    cols[f] = wins.map((x) => x[f] ?? '');
  return { ids, idRows, cols };
}

describe('planning a run', () => {
  test('eligible wins per audience in log order: approved, allowed, not shared with it, a duplicated ID once, not taken by an unfinished issue', () => {
    const sel = selection([
      w({ id: 'W-1' }),
      w({ id: 'W-2', status: 'New' }),
      w({ id: 'W-3', consent: 'Staff only' }),
      w({ id: '' }),
      w({ id: 'W-4', sharedIn: 'Families #1' }),
      w({ id: 'W-1', status: 'Approved' }),
      w({ id: 'W-5', consent: 'School community', namesStudents: 'Yes' }),
      w({ id: 'W-6', consent: 'School community', namesStudents: 'Yes', privacyCleared: 'Yes' }),
      w({ id: 'W-7' }),
    ]);
    expect(eligibleIds(sel, 'Families')).toEqual(['W-1', 'W-6', 'W-7']);
    expect(eligibleIds(sel, 'Staff')).toEqual(['W-1', 'W-3', 'W-4', 'W-5', 'W-6', 'W-7']);
    expect(eligibleIds(sel, 'Public')).toEqual(['W-1', 'W-4', 'W-7']);
    expect(eligibleIds(sel, 'Families', [{ winIds: ['W-1'] }, { winIds: ['W-7', 'W-9'] }])).toEqual(['W-6']);
  });

  test('a win whose Consent given is narrower than its Consent is not eligible for the wider audience', () => {
    const sel = selection([
      w({ id: 'W-1', consent: 'Public', consentGiven: 'Staff only' }),
      w({ id: 'W-2', consent: 'Public', consentGiven: '' }),
      w({ id: 'W-3', consent: 'Public', consentGiven: 'Pubic' }),
      w({ id: 'W-4', consent: 'Public', namesStudents: '', privacyCleared: '✔' }),
      w({ id: 'W-5', consent: 'Public', namesStudents: '', privacyCleared: 'Unsure' }),
    ]);
    expect(eligibleIds(sel, 'Public')).toEqual(['W-4']);
    expect(eligibleIds(sel, 'Staff')).toEqual(['W-1', 'W-2', 'W-3', 'W-4', 'W-5']);
  });

  test('a scheduled run stops early when every audience was empty this period, or has its issue and none is unfinished', () => {
    expect(allEmpty(['Staff', 'Families'], '2026-W45', ['Staff 2026-W45', 'Families 2026-W45'])).toBe(true);
    expect(allEmpty(['Staff', 'Families'], '2026-W45', ['Staff 2026-W45', 'Families 2026-W44'])).toBe(false);
    const done = [issue({ key: 'Staff 2026-W45', audience: 'Staff' }), issue({ key: 'Families 2026-W45' })];
    expect(allDrafted(['Staff', 'Families'], '2026-W45', done)).toBe(true);
    expect(allDrafted(['Staff', 'Families', 'Public'], '2026-W45', done)).toBe(false);
    expect(
      allDrafted(['Staff'], '2026-W45', [
        ...done,
        issue({ key: 'Staff 2026-W44', audience: 'Staff', state: 'Drafted' }),
      ]),
    ).toBe(false);
    expect(
      allDrafted(['Staff'], '2026-W45', [
        ...done,
        issue({ key: 'Staff 2026-W44', audience: 'Staff', state: 'Cancelled' }),
      ]),
    ).toBe(true);
  });

  test('empty periods are remembered up to EMPTY_MEMORY, the oldest forgotten first', () => {
    expect(rememberEmpty(['a'], ['b', 'c'])).toEqual(['a', 'b', 'c']);
    const many = Array.from({ length: EMPTY_MEMORY }, (_, i) => `k${i}`);
    const kept = rememberEmpty(many, ['new']);
    expect(kept).toHaveLength(EMPTY_MEMORY);
    expect(kept[0]).toBe('k1');
    expect(kept[EMPTY_MEMORY - 1]).toBe('new');
  });

  test('a claim lasts seven minutes from the start of the run', () => {
    expect(CLAIM_MS).toBe(7 * 60 * 1000);
    expect(claimUntil(Date.parse('2026-11-06T07:00:00.000Z'))).toBe('2026-11-06T07:07:00.000Z');
  });

  test('a new issue is Building, claimed, with its wins (counted when its Doc is written)', () => {
    expect(
      newIssue({
        number: 4,
        audience: 'Staff',
        period: 'Week of 2 Nov 2026',
        key: 'Staff 2026-W45',
        winIds: ['W-1', 'W-2'],
        createdAt: 'T',
        createdBy: 'me@school.example',
        run: 'run-1',
        runUntil: 'U',
      }),
    ).toEqual({
      row: 0,
      number: 4,
      audience: 'Staff',
      period: 'Week of 2 Nov 2026',
      key: 'Staff 2026-W45',
      state: 'Building',
      docUrl: '',
      docId: '',
      draftId: '',
      winIds: ['W-1', 'W-2'],
      stats: { wins: 0, lessons: 0, goals: 0, contributors: 0 },
      createdAt: 'T',
      createdBy: 'me@school.example',
      cancelled: '',
      attention: '',
      run: 'run-1',
      runUntil: 'U',
    });
  });

  test('staff drafts are addressed To, other audiences Bcc only', () => {
    const list = ['a@school.example', 'b@school.example'];
    expect(draftAddresses('Staff', list)).toEqual({ to: list, bcc: [] });
    expect(draftAddresses('Families', list)).toEqual({ to: [], bcc: list });
    expect(draftAddresses('Public', list)).toEqual({ to: [], bcc: list });
  });

  test('the Doc is tried three times, and only after transient faults that are not the template', () => {
    expect(retryDoc(1, true, 'Error: Service unavailable')).toBe(true);
    expect(retryDoc(2, true, 'Error: Service unavailable')).toBe(true);
    expect(retryDoc(3, true, 'Error: Service unavailable')).toBe(false);
    expect(retryDoc(1, false, 'Error: Permission denied')).toBe(false);
    expect(retryDoc(1, true, 'Error: The Template Doc could not be opened')).toBe(false);
  });

  test('a draft is the leader\u2019s own when they made the issue, or when nobody is recorded', () => {
    expect(draftIsMine({ createdBy: 'me@school.example' }, 'me@school.example')).toBe(true);
    expect(draftIsMine({ createdBy: '' }, 'me@school.example')).toBe(true);
    expect(draftIsMine({ createdBy: 'other@school.example' }, 'me@school.example')).toBe(false);
  });
});

describe('what leaders read', () => {
  test('results of a run per audience', () => {
    expect(issueLabel({ audience: 'Families', number: 3 })).toBe('Families #3');
    expect(busyMessage(issue({ createdBy: 'ana@school.example' }))).toBe(
      'Families #3 is being drafted right now by another run (ana@school.example): it will be in Gmail drafts in a minute or two.',
    );
    expect(busyMessage(issue({ createdBy: '' }))).toBe(
      'Families #3 is being drafted right now by another run: it will be in Gmail drafts in a minute or two.',
    );
    expect(existsMessage(issue())).toBe('Families #3 was drafted a moment ago.');
    expect(existsMessage(issue({ state: 'Cancelled' }))).toBe('Families #3 was cancelled: no draft was made for it.');
    expect(emptyMessage('Public')).toBe('Nothing new is eligible for Public: no Doc or draft was made.');
    expect(draftedMessage(issue(), [])).toBe('Families #3: 2 wins (Week of 2 Nov 2026).');
    expect(draftedMessage(issue({ winIds: ['W-1'] }), ['Note one.', 'Note two.'])).toBe(
      'Families #3: 1 win (Week of 2 Nov 2026). Note one. Note two.',
    );
  });

  test('a failure says where the issue stopped, why, and that a rerun finishes it', () => {
    expect(failureReason(new Error('Service unavailable.'))).toBe('Service unavailable');
    expect(failureReason('plain')).toBe('plain');
    const tail =
      'No win was marked as shared. Run Draft newsletter now again to finish this issue; nothing will be duplicated.';
    expect(failedMessage(issue({ state: 'Building' }), 'x')).toBe(
      `Families #3: The Doc could not be finished (x). ${tail}`,
    );
    expect(failedMessage(issue({ state: 'Doc made' }), 'x')).toBe(
      `Families #3: The Doc is ready but the Gmail draft could not be made (x). ${tail}`,
    );
    expect(failedMessage(issue({ state: 'Drafted' }), 'x')).toBe(
      `Families #3: The draft is ready but the wins could not be marked as shared (x). ${tail}`,
    );
  });

  test('notes on a shortened or still too big email, and on wins left unmarked', () => {
    expect(emailNotes({ shortened: 0, maxChars: 0, fits: true, bytes: 5000 }, true)).toEqual([]);
    expect(emailNotes({ shortened: 1, maxChars: 600, fits: true, bytes: 90000 }, false)).toEqual([
      '1 long story was shortened to 600 characters in the email so that Gmail shows it whole.',
    ]);
    expect(emailNotes({ shortened: 2, maxChars: 300, fits: false, bytes: 150 * 1024 }, true)).toEqual([
      '2 long stories were shortened to 300 characters in the email so that Gmail shows it whole; the Doc has them in full.',
      'The email is still 150 KB: Gmail shows about the first 100 KB and then "View entire message". Consider splitting the wins over two issues.',
    ]);
  });

  test('wins left out at the moment of sharing: which, why, and what is left to do', () => {
    const one = [{ id: 'W-2', headline: 'Reading buddies', why: 'it is no longer approved (Needs info)' }];
    const two = [...one, { id: 'W-3', headline: '', why: 'it is no longer in the log' }];
    expect(leftOutOfIssueNote(one)).toBe(
      'Left out because it no longer qualified when the Doc was written: W-2 "Reading buddies" (it is no longer approved (Needs info)).',
    );
    expect(leftOutOfDraftNote(two)).toBe(
      'Left out of the draft because they no longer qualified when the draft was written: W-2 "Reading buddies" (it is no longer approved (Needs info)); W-3 (it is no longer in the log). The Doc still has them: take them out of the Doc before sharing it.',
    );
    expect(changedAfterDraftNote(one)).toBe(
      '1 win changed after the draft was made and was not marked as shared: W-2 "Reading buddies" (it is no longer approved (Needs info)). It is still in the Doc and the draft: rebuild the draft (Small Wins offers it in the sidebar) or take it out before sending.',
    );
    expect(withAttention('', 'A.')).toBe('A.');
    expect(withAttention('A.', 'B.')).toBe('A. B.');
    expect(withAttention('A. B.', 'B.')).toBe('A. B.');
  });

  test('answers to cancelling', () => {
    expect(cancelBusyMessage(issue(), '07:07')).toBe(
      'Families #3 is being drafted right now. Try again in a minute or two (by 07:07 at the latest), once its draft is ready.',
    );
    expect(draftGoneMessage(issue())).toBe(
      'The Gmail draft of Families #3 is no longer in your drafts: it may have been sent. Cancel the issue anyway only if it was never sent.',
    );
    expect(cancelledMessage(issue(), 1, [])).toBe('Families #3 is cancelled: 1 win is eligible again.');
    expect(cancelledMessage(issue(), 0, ['Its Gmail draft was deleted.'])).toBe(
      'Families #3 is cancelled: 0 wins are eligible again. Its Gmail draft was deleted.',
    );
  });

  test('recent issues: the last ones newest first, a Doc link only when it is a web address, cancelled ones not cancellable', () => {
    const issues = [1, 2, 3].map((n) => issue({ number: n, key: `Families k${n}` }));
    issues[2].docUrl = 'javascript:alert(1)';
    issues[1].state = 'Cancelled';
    const list = recentIssueList(issues, 2);
    expect(list.map((r) => [r.key, r.label, r.docUrl, r.cancellable, r.wins])).toEqual([
      ['Families k3', 'Families #3', '', true, 2],
      ['Families k2', 'Families #2', 'https://docs.google.com/document/d/D1/edit', false, 2],
    ]);
    expect(issues.map((i) => i.number)).toEqual([1, 2, 3]);
  });
});

describe('Shared in cells', () => {
  const columns = Object.fromEntries(WIN_FIELDS.map((f, i) => [f, i])) as Columns;
  const row = (over: Partial<Record<WinField, unknown>>): unknown[] => {
    const base: Partial<Record<WinField, unknown>> = {
      status: 'Approved',
      consent: 'Public',
      consentGiven: 'Public',
      namesStudents: 'No',
      privacyCleared: 'No',
      sharedIn: '',
      ...over,
    };
    return WIN_FIELDS.map((f) => base[f] ?? '');
  };
  /** What the Wins adapter's fresh read gives: the span, and each win decoded by ID. */
  const read = (idRows: Map<string, number>, first: number, block: unknown[][]) => {
    const wins = new Map<string, Win>();
    const rows = new Map<string, { row: number }>();
    for (const [id, r] of idRows) {
      const cells = block[r - first];
      if (!cells) continue;
      wins.set(id, decodeWin(cells, columns));
      rows.set(id, { row: r });
    }
    return { first, block, wins, rows };
  };

  test('the re-check keeps what still qualifies, in the issue\u2019s order, and says why the others were left out', () => {
    const ok = { status: 'Approved', consent: 'Public', consentGiven: 'Public', namesStudents: 'No' };
    const wins = new Map<string, Win>(
      (
        [
          ['W-1', ok],
          ['W-2', { ...ok, status: 'Needs info' }],
          ['W-3', { ...ok, status: ' ' }],
          ['W-4', { ...ok, consent: 'Staff only' }],
          ['W-5', { ...ok, consentGiven: '' }],
          ['W-6', { ...ok, namesStudents: '' }],
          ['W-7', { ...ok, sharedIn: 'Public #2' }],
          ['W-8', { ...ok, sharedIn: 'Public #3' }],
        ] as Array<[string, Cells]>
      ).map(([id, c]) => [id, winFromCells({ ...c, id, headline: `H${id}` })]),
    );
    const { keep, leftOut } = recheck(
      { audience: 'Public', number: 3, winIds: ['W-8', 'W-1', 'W-2', 'W-3', 'W-4', 'W-5', 'W-6', 'W-7', 'W-9'] },
      wins,
    );
    expect(keep.map((x) => x.id)).toEqual(['W-8', 'W-1']);
    expect(leftOut.map((x) => `${x.id}: ${x.why}`)).toEqual([
      'W-2: it is no longer approved (Needs info)',
      'W-3: it is no longer approved (no status)',
      'W-4: its consent (Staff only) does not reach Public',
      "W-5: the submitter's consent is not on record, so it counts as Staff only",
      'W-6: it names students and its privacy is not cleared',
      'W-7: it went out in Public #2',
      'W-9: it is no longer in the log',
    ]);
  });

  test('marking writes one span from the first to the last changed cell, keeping typed text, and skips what changed', () => {
    // Rows 5..9 read fresh: W-1 (row 5), W-2 no longer approved (6), someone else's row (7), W-3 already tagged (8), W-4 (9).
    const block = [
      row({ id: 'W-1', sharedIn: 'Staff #2' }),
      row({ id: 'W-2', status: 'New' }),
      row({ id: 'X', sharedIn: 7 }),
      row({ id: 'W-3', sharedIn: 'Families #3' }),
      row({ id: 'W-4', sharedIn: '007' }),
    ];
    const idRows = new Map([
      ['W-1', 5],
      ['W-2', 6],
      ['X', 7],
      ['W-3', 8],
      ['W-4', 9],
    ]);
    const winIds = ['W-4', 'W-1', 'W-2', 'W-3', 'W-9'];
    const { write, skipped } = planMarks({ audience: 'Families', number: 3, winIds }, read(idRows, 5, block), columns);
    expect(skipped.map((x) => `${x.id} (${x.why})`)).toEqual([
      'W-2 (it is no longer approved (New))',
      'W-9 (it is no longer in the log)',
    ]);
    expect(write).toEqual({
      row: 5,
      values: [['Staff #2, Families #3'], [''], ["'7"], ['Families #3'], ['007, Families #3']],
    });
  });

  test('marking writes nothing when every win is tagged already or gone', () => {
    const idRows = new Map([['W-1', 2]]);
    expect(
      planMarks(
        { audience: 'Staff', number: 1, winIds: ['W-1'] },
        read(idRows, 2, [row({ id: 'W-1', sharedIn: 'staff #1' })]),
        columns,
      ),
    ).toEqual({ write: null, skipped: [] });
    expect(
      planMarks({ audience: 'Staff', number: 1, winIds: ['W-8'] }, read(new Map(), 2, []), columns).skipped,
    ).toEqual([{ id: 'W-8', headline: '', why: 'it is no longer in the log' }]);
  });

  test('retagging rewrites the span of changed cells, as text, and counts them; rows without an ID stay', () => {
    const tag = { audience: 'Staff', number: 4 };
    const ids = ['W-1', '', 'W-2', 'W-3', 'W-4'];
    const cells = ['Staff #3', 'Staff #4', 'Staff #4, 3/4', 'Families #1', 'staff # 4'];
    expect(retagSpan(ids, cells, (cell) => removeTag(cell, tag))).toEqual({
      write: { row: 4, values: [["'3/4"], ['Families #1'], ['']] },
      changed: 2,
    });
    expect(retagSpan(ids, cells, (cell) => cell)).toEqual({ write: null, changed: 0 });
  });
});

describe('keys of issues drafted on demand', () => {
  const at = (key: string, state: Issue['state']) => ({ key, state });
  test('a double click finds the issue the first click made', () => {
    expect(onDemandIssue([], 'Staff 2026-11-23 14:05')).toEqual({ key: 'Staff 2026-11-23 14:05' });
    const first = at('Staff 2026-11-23 14:05', 'Building');
    expect(onDemandIssue([first], 'Staff 2026-11-23 14:05')).toEqual({ key: first.key, existing: first });
  });
  test("a cancelled issue's key is retired: the next issue of the same minute takes the next key", () => {
    const cancelled = at('Staff 2026-11-23 14:05', 'Cancelled');
    expect(onDemandIssue([cancelled], cancelled.key)).toEqual({ key: 'Staff 2026-11-23 14:05 #2' });
    const second = at('Staff 2026-11-23 14:05 #2', 'Done');
    expect(onDemandIssue([cancelled, second], cancelled.key)).toEqual({ key: second.key, existing: second });
    const third = [cancelled, at(second.key, 'Cancelled')];
    expect(onDemandIssue(third, cancelled.key)).toEqual({ key: 'Staff 2026-11-23 14:05 #3' });
    // Other audiences and minutes are not in the way.
    expect(onDemandIssue([at('Families 2026-11-23 14:05', 'Done')], cancelled.key)).toEqual({ key: cancelled.key });
  });
});
