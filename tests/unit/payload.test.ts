// What the sidebar and the Settings dialog send is checked before anything runs: types and shapes, unknown fields,
// one plain sentence for what was wrong (domain/payload.ts and the endpoint shapes).
import {
  BULK_REQUEST,
  QUEUE_QUERY,
  SAVE_REQUEST,
  SETTINGS_INPUT,
  TRIAGE_CHANGE,
} from '../../src/domain/endpoint-shapes';
import { checkArgs, flag, listOf, PayloadError, record, text, whole } from '../../src/domain/payload';
import { settingsToInput, DEFAULT_SETTINGS } from '../../src/domain/settings';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PayloadError);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('checks', () => {
  test('"false" is not a boolean, {} is not a list, a number is not text', () => {
    expect(flag(true, 'x')).toBe(true);
    expect(refusal(() => flag('false', 'change.featured'))).toBe(
      'change.featured should be true or false, not the text "false"',
    );
    expect(refusal(() => listOf(text(), 5)({}, 'change.goals'))).toBe(
      'change.goals should be a list, not a group of fields',
    );
    expect(refusal(() => listOf(text(), 2)(['a', 'b', 'c'], 'goals'))).toBe(
      'goals should be a list of at most 2, not a list',
    );
    expect(refusal(() => listOf(text(), 5)(['a', 7], 'goals'))).toBe('goals[2] should be text, not the number 7');
    expect(refusal(() => text()(null, 'id'))).toBe('id should be text, not null');
    expect(refusal(() => whole(0, 9)(1.5, 'page'))).toBe(
      'page should be a whole number from 0 to 9, not the number 1.5',
    );
    expect(refusal(() => whole(0, 9)('3', 'page'))).toBe('page should be a whole number from 0 to 9, not the text "3"');
  });

  test('a group of fields: required ones checked, optional ones when present, unknown ones refused by name', () => {
    const shape = record({ id: text() }, { note: text() });
    expect(shape({ id: 'W-1' }, 'win')).toEqual({ id: 'W-1' });
    expect(shape({ id: 'W-1', note: undefined }, 'win')).toEqual({ id: 'W-1' });
    expect(refusal(() => shape({ note: 'x' }, 'win'))).toBe('win.id should be text, not nothing');
    expect(refusal(() => shape({ id: 'W-1', colour: 'red', size: 3 }, 'win'))).toBe(
      'win has fields Small Wins does not know: "colour", "size"',
    );
    expect(refusal(() => shape([], 'win'))).toBe('win should be a group of fields, not a list');
  });

  test('an endpoint\u2019s arguments: one sentence naming the page, and that nothing was saved', () => {
    expect(checkArgs('the sidebar', [{ id: 'W-1' }], [['win', record({ id: text() })]])).toEqual([{ id: 'W-1' }]);
    expect(refusal(() => checkArgs('the sidebar', [{ id: 1 }], [['win', record({ id: text() })]]))).toBe(
      'Small Wins could not use what the sidebar sent: win.id should be text, not the number 1. Nothing was saved. Reload the sidebar and try again.',
    );
    expect(refusal(() => checkArgs('the sidebar', ['a', 'b'], [['x', text()]]))).toMatch(
      /sent more than Small Wins takes\. Nothing was saved\./,
    );
  });
});

describe('endpoint shapes', () => {
  test('what the sidebar sends today passes', () => {
    expect(QUEUE_QUERY({ status: 'To triage', page: 0, sizeHint: 40, kind: '', goal: '' }, 'query')).toEqual({
      status: 'To triage',
      page: 0,
      sizeHint: 40,
      kind: undefined,
      goal: '',
    });
    const change = { status: 'Approved', goals: ['Reading for all'], privacyCleared: true, recordConsent: null };
    expect(TRIAGE_CHANGE(change, 'change')).toEqual(change);
    expect(SAVE_REQUEST({ id: 'W-1', row: 2, version: 'v', change: {}, draftToSubmitter: true }, 'save')).toEqual({
      id: 'W-1',
      row: 2,
      version: 'v',
      change: {},
      draftToSubmitter: true,
    });
    expect(
      BULK_REQUEST({ wins: [{ id: 'W-1', row: 2, version: 'v' }], change: {}, addGoals: ['G'] }, 'r'),
    ).toBeTruthy();
    const settings = settingsToInput(DEFAULT_SETTINGS);
    expect(SETTINGS_INPUT(settings, 'settings')).toEqual(settings);
  });

  test('what a broken or hostile page might send is refused', () => {
    expect(refusal(() => QUEUE_QUERY({ status: 'Everything', page: 0 }, 'query'))).toMatch(
      /query\.status should be one of "To triage", "New", "Approved", "Needs info", "Archived", "All", not the text "Everything"/,
    );
    expect(refusal(() => TRIAGE_CHANGE({ recordConsent: 'Anyone' }, 'change'))).toMatch(
      /change\.recordConsent should be one of/,
    );
    expect(refusal(() => TRIAGE_CHANGE({ featured: 'true' }, 'change'))).toMatch(/featured should be true or false/);
    expect(refusal(() => BULK_REQUEST({ wins: [{ id: 'W-1', row: 2 }], change: {} }, 'r'))).toBe(
      'r.wins[1].version should be text, not nothing',
    );
    const settings = settingsToInput(DEFAULT_SETTINGS);
    expect(
      refusal(() =>
        SETTINGS_INPUT(
          { ...settings, audiences: { ...settings.audiences, Staff: { enabled: 'yes', recipients: '' } } },
          's',
        ),
      ),
    ).toBe('s.audiences.Staff.enabled should be true or false, not the text "yes"');
    expect(refusal(() => SETTINGS_INPUT({ ...settings, cadence: { ...settings.cadence, hour: {} } }, 's'))).toBe(
      's.cadence.hour should be a number, not a group of fields',
    );
  });
});
