// Unit tests of intake: mapping a response to a win, consent defaults, IDs and duplicate keys.
import { QUESTIONS } from '../../src/domain/form-spec';
import { EXAMPLE_GOALS } from '../../src/domain/goals';
import { QuestionMap, readIntakeConsent, responseKey, winFromResponse, winId } from '../../src/domain/intake';

const map: QuestionMap = Object.fromEntries(QUESTIONS.map((q) => [q.title, q.field]));
const title = (field: string) => QUESTIONS.find((q) => q.field === field)!.title;

function response(answers: Record<string, string>): Record<string, string[]> {
  const nv: Record<string, string[]> = { Timestamp: ['11/23/2026 10:45:12'], 'Email Address': ['ana@school.example'] };
  for (const [field, v] of Object.entries(answers)) nv[title(field)] = [v];
  return nv;
}

const base = {
  name: 'Ana',
  role: 'Teacher',
  headline: 'Reading buddies',
  story: 'Year 2 read to Year 5 in the library.',
  kind: 'Win',
  consent: 'School community',
  namesStudents: 'No',
  source: 'Classroom observation',
  goals: '',
};

function map1(answers: Record<string, string>) {
  return winFromResponse({
    namedValues: response(answers),
    questionMap: map,
    goals: EXAMPLE_GOALS,
    submittedAtIso: '2026-11-23T15:45:12.000Z',
    nowIso: '2026-11-23T15:45:13.000Z',
  });
}

describe('intake mapping', () => {
  test('maps every answer to its field, status New, suggestions by keyword', () => {
    const r = map1({
      ...base,
      goals: 'Family partnership',
      evidence: '  12 of 14 read aloud  ',
      link: 'https://example.org/x',
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.win.values).toMatchObject({
      status: 'New',
      kind: 'Win',
      headline: 'Reading buddies',
      name: 'Ana',
      role: 'Teacher',
      email: 'ana@school.example',
      consent: 'School community',
      namesStudents: 'No',
      privacyCleared: 'No',
      featured: 'No',
      goals: 'Family partnership',
      suggestedGoals: 'Reading for all',
      evidence: '12 of 14 read aloud',
      link: 'https://example.org/x',
      source: 'Classroom observation',
      submittedAt: '2026-11-23T15:45:12.000Z',
    });
  });

  test('formula-like and number-like answers are kept exactly as typed', () => {
    const r = map1({ ...base, headline: '=HYPERLINK("x")', story: '007', evidence: '3/4' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.win.values.headline).toBe('=HYPERLINK("x")');
    expect(r.win.values.story).toBe('007');
    expect(r.win.values.evidence).toBe('3/4');
  });

  test('unknown consent is read as the narrowest audience; a missing privacy answer as names students', () => {
    expect(readIntakeConsent(' public ')).toBe('Public');
    // A choice renamed in the Form is never guessed wider than the narrowest level.
    expect(readIntakeConsent('Public (anyone)')).toBe('Staff only');
    expect(readIntakeConsent('Public community')).toBe('Staff only');
    expect(readIntakeConsent('whatever')).toBe('Staff only');
    const r = map1({ ...base, consent: '??', namesStudents: '' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.win.values.consent).toBe('Staff only');
    expect(r.win.values.consentGiven).toBe('Staff only');
    expect(r.win.values.namesStudents).toBe('Yes');
    expect(r.win.notes.join(' ')).toMatch(/"\?\?" is not a consent level.*Staff only/);
  });

  test('only a clear No to the privacy question counts as no', () => {
    for (const [answer, stored] of [
      ['No', 'No'],
      [' no ', 'No'],
      ['Not sure', 'Yes'],
      ['Nope', 'Yes'],
      ['Yes', 'Yes'],
    ]) {
      const r = map1({ ...base, namesStudents: answer });
      if (!r.ok) throw new Error(r.reason);
      expect(r.win.values.namesStudents).toBe(stored);
    }
  });

  test('a ticked goal Set up does not know is not tagged, but kept first among the suggested goals, with a note', () => {
    const r = map1({ ...base, goals: 'Outdoor learning, Math confidence, Outdoor learning' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.win.values.goals).toBe('Math confidence');
    expect(r.win.values.suggestedGoals?.split(', ')[0]).toBe('Outdoor learning');
    expect(r.win.values.suggestedGoals?.split(', ').filter((g) => g === 'Outdoor learning')).toHaveLength(1);
    expect(r.win.notes).toContain(
      'The submitter ticked the goal "Outdoor learning", which is not among the goals Set up last synced: it is kept as a suggested goal.',
    );
  });

  test('empty or malformed events are refused with a reason', () => {
    for (const nv of [undefined, null, [], 'x', {}, { Timestamp: ['now'] }, { Unknown: ['x'] }]) {
      const r = winFromResponse({ namedValues: nv, questionMap: map, goals: [], submittedAtIso: 'x', nowIso: 'x' });
      expect(r.ok).toBe(false);
    }
    const noText = map1({ ...base, headline: '', story: '' });
    expect(noText.ok).toBe(false);
  });

  test('an answer to a question Small Wins does not know is noted, not silently lost', () => {
    const nv = { ...response(base), 'A new question': ['hello'] };
    const r = winFromResponse({ namedValues: nv, questionMap: map, goals: [], submittedAtIso: 'x', nowIso: 'x' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.win.notes.join(' ')).toMatch(/A new question/);
  });

  test('IDs and response keys', () => {
    expect(winId(7)).toBe('W-0007');
    expect(winId(12345)).toBe('W-12345');
    const a = response(base);
    expect(responseKey(a)).toBe(responseKey(JSON.parse(JSON.stringify(a))));
    expect(responseKey(a)).not.toBe(responseKey(response({ ...base, story: 'other' })));
  });
});
