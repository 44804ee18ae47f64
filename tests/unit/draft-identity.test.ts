// Unit tests of how an issue's Gmail draft is recognised again: its mark, the subject search, which candidate to open.
import {
  carriesMark,
  draftMark,
  draftsToCheck,
  draftToCheck,
  ISSUE_HEADER,
  subjectQuery,
} from '../../src/domain/draft-identity';
import { buildMime } from '../../src/domain/mime';

describe('draft identity', () => {
  test("the mark names the issue's key and Doc, and later its language; always one line of printable ASCII", () => {
    expect(draftMark({ key: 'Families 2026-W48', docId: '1AbC' })).toBe('Families 2026-W48; doc=1AbC');
    expect(draftMark({ key: 'Families 2026-W48', docId: '1AbC' }, 'es')).toBe('Families 2026-W48; doc=1AbC; lang=es');
    expect(draftMark({ key: 'Staff é\r\nBcc: x@evil.example', docId: 'D' })).toBe(
      'Staff ???Bcc: x@evil.example; doc=D',
    );
  });

  test('the mark travels as a header of its own, written as it is', () => {
    const mime = buildMime({
      subject: 'S',
      html: 'h',
      text: 't',
      extraHeaders: { [ISSUE_HEADER]: 'Staff 2026-11-23 14:05 #2; doc=1AbC' },
    });
    expect(mime).toContain('\r\nX-Small-Wins-Issue: Staff 2026-11-23 14:05 #2; doc=1AbC\r\n');
    expect(() => buildMime({ subject: 'S', html: 'h', text: 't', extraHeaders: { Bcc: 'x@evil.example' } })).toThrow(
      /cannot carry/,
    );
    expect(() => buildMime({ subject: 'S', html: 'h', text: 't', extraHeaders: { 'X-A': 'é' } })).toThrow(
      /cannot carry/,
    );
  });

  test('the search is the exact subject as a phrase; quotes in it cannot end the phrase', () => {
    expect(subjectQuery('Riverside Primary Small Wins: 23 November 2026')).toBe(
      'subject:"Riverside Primary Small Wins: 23 November 2026"',
    );
    expect(subjectQuery('The "Owls" school  Small Wins')).toBe('subject:"The Owls school Small Wins"');
  });

  test("the candidate is the newest listed draft not recorded for another issue; none when all are others'", () => {
    const others = new Set(['r-1', 'r-2']);
    expect(draftToCheck([{ id: 'r-2' }, { id: 'r-9' }, { id: 'r-1' }], others)).toBe('r-9');
    expect(draftToCheck([{ id: 'r-2' }, { id: 'r-1' }], others)).toBeNull();
    expect(draftToCheck(undefined, others)).toBeNull();
    expect(draftToCheck([{ id: '' }, { id: null }], new Set())).toBeNull();
  });

  test("a draft is the issue's own only when it carries the exact mark (header names in any case)", () => {
    const mark = 'Staff 2026-W48; doc=1AbC';
    expect(
      carriesMark(
        [
          { name: 'Subject', value: 'x' },
          { name: 'X-Small-Wins-Issue', value: mark },
        ],
        mark,
      ),
    ).toBe(true);
    expect(carriesMark([{ name: 'x-small-wins-issue', value: ` ${mark} ` }], mark)).toBe(true);
    expect(carriesMark([{ name: 'X-Small-Wins-Issue', value: 'Staff 2026-W48; doc=1Other' }], mark)).toBe(false);
    expect(carriesMark([{ name: 'Subject', value: mark }], mark)).toBe(false);
    expect(carriesMark(undefined, mark)).toBe(false);
  });
});

test('an issue whose drafts share a subject checks its newest unrecorded candidates, at most as many as it may have', () => {
  const others = new Set(['r-2']);
  const listed = [{ id: 'r-9' }, { id: 'r-2' }, { id: 'r-8' }, { id: null }, { id: 'r-7' }];
  expect(draftsToCheck(listed, others, 1)).toEqual(['r-9']);
  expect(draftsToCheck(listed, others, 2)).toEqual(['r-9', 'r-8']);
  expect(draftsToCheck(listed, others, 5)).toEqual(['r-9', 'r-8', 'r-7']);
  expect(draftsToCheck(undefined, others, 3)).toEqual([]);
});
