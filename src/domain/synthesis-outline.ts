// A goal's year-end synthesis as an outline (documents as data): at a glance, month by month, what we did by source
// in staff's own words, what we learned, the spotlight, the showcase practices, prompts to reflect together and an
// appendix of every entry, then the final "Our notes" heading staff write under. Pure.
import { MONTHS } from './cadence';
import { Block, linkify, list, Outline, paragraph, Span, table } from './outline';
import type { MonthGrid } from './school-year';
import { GoalSynthesis, NO_GOAL_KEY, SynthesisEntry, synthesisTitle } from './synthesis';

/** The heading staff write under: everything above the last one in a Doc is written again by the next run. */
export const OUR_NOTES = 'Our notes';

export const REFLECT_PROMPTS = [
  'What did we expect this year, and what happened?',
  'Where did it work, for whom, and under what conditions?',
  'Which practices do we keep, adapt or drop, and why?',
  'What questions do we carry into next year, and what support do we need?',
];

/**
 * "5 Oct 2026": the entry's day in the spreadsheet's time zone, from the offset at the start of its month (the grid
 * knows no later change of clocks in that month, so an entry within an hour of midnight on such a day may show the
 * day next to it).
 */
export function entryDay(entry: Pick<SynthesisEntry, 'submittedAt' | 'month'>, grid: MonthGrid): string {
  const at = Date.parse(entry.submittedAt);
  const [y, m] = grid.months[entry.month].split('-').map(Number);
  const offset = Date.UTC(y, m - 1, 1) - grid.starts[entry.month];
  const local = new Date(at + offset);
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()].slice(0, 3)} ${local.getUTCFullYear()}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function who(e: SynthesisEntry): string {
  const name = e.name.trim() || 'Name not given';
  return e.role.trim() ? `${name}, ${e.role.trim()}` : name;
}

/** One entry in staff's own words: its headline, story, how we know, and who and when (the entry's ID as unit). */
function entryBlocks(e: SynthesisEntry, grid: MonthGrid, text: string = e.story): Block[] {
  const unit = e.id;
  const evidence: Span[] = e.evidence ? [{ text: 'How we know: ', bold: true }, ...linkify(e.evidence)] : [];
  return [
    paragraph('HEADING_3', [{ text: e.headline || '(no headline)' }], { unit }),
    paragraph('NORMAL_TEXT', linkify(text), { unit, role: 'text' }),
    paragraph('NORMAL_TEXT', evidence, { unit, role: 'text' }),
    paragraph('NORMAL_TEXT', [{ text: `${who(e)} · ${entryDay(e, grid)} · ${e.id}`, italic: true }], {
      unit,
      role: 'meta',
    }),
  ];
}

export interface SynthesisOutlineOptions {
  school: string;
  grid: MonthGrid;
  /** "23 June 2027": when the Doc was written. */
  madeOn: string;
  /** Whether the Showcase sheet exists (to say why no practice is listed). */
  showcase: boolean;
  /** A new Doc ends with the Our notes heading; a Doc written again keeps its own. */
  withNotesHeading: boolean;
}

/** The generated part of the Doc, and for a new Doc the Our notes heading after it. */
export function synthesisOutline(s: GoalSynthesis, opts: SynthesisOutlineOptions): Outline {
  const { grid } = opts;
  const blocks: Block[] = [];
  const g = s.glance;
  const noGoal = s.subject.key === NO_GOAL_KEY;
  blocks.push(paragraph('TITLE', [{ text: synthesisTitle(opts.school, s) }]));
  blocks.push(
    paragraph('SUBTITLE', [{ text: [s.year.span, s.subject.description].filter(Boolean).join(' · ') }], {
      role: 'period',
    }),
  );
  if (noGoal)
    blocks.push(
      paragraph('NORMAL_TEXT', [
        {
          text:
            'Entries with no goal from the Goals sheet yet' +
            (s.unlisted.length ? `, or only goals it does not list (${s.unlisted.join(', ')})` : '') +
            '. Tagging them with a goal in the triage sidebar moves them to that goal’s Doc next time.',
        },
      ]),
    );
  blocks.push(
    paragraph(
      'NORMAL_TEXT',
      [
        {
          text: `For staff to reflect on together: every entry of the school year, whatever its consent, except archived ones. Made by Small Wins on ${opts.madeOn}.`,
        },
      ],
      { role: 'note' },
    ),
  );

  blocks.push(paragraph('HEADING_1', [{ text: 'At a glance' }]));
  const roles = g.roles.map(([role, n]) => `${role} ${n}`).join(', ');
  blocks.push(
    list([
      [
        {
          text: `${plural(g.entries, 'entry', 'entries')}: ${plural(g.wins, 'win')} and ${plural(g.lessons, 'lesson learned', 'lessons learned')}`,
        },
      ],
      [{ text: `${g.approved} approved, ${g.featured} featured` }],
      [{ text: `Active in ${g.monthsActive} of 12 months` }],
      [{ text: `${plural(g.contributors, 'contributor')}${roles ? ` (${roles})` : ''}` }],
    ]),
  );

  blocks.push(paragraph('HEADING_1', [{ text: 'Month by month' }]));
  const sum = (k: 'wins' | 'lessons') => s.months.reduce((n, m) => n + m[k], 0);
  blocks.push(
    table(
      [
        ['Month', 'Wins', 'Lessons learned', 'Contributors'],
        ...s.months.map((m) => [m.label, String(m.wins), String(m.lessons), String(m.contributors)]),
        ['The year', String(sum('wins')), String(sum('lessons')), String(g.contributors)],
      ],
      true,
      { caption: `Wins, lessons learned and contributors per month, ${s.year.label}` },
    ),
  );

  blocks.push(paragraph('HEADING_1', [{ text: 'What we did' }]));
  if (!s.did.length) blocks.push(paragraph('NORMAL_TEXT', [{ text: 'No win was logged for this goal this year.' }]));
  else
    blocks.push(
      paragraph('NORMAL_TEXT', [{ text: 'The wins in staff’s own words, by where the evidence came from.' }]),
    );
  for (const group of s.did) {
    blocks.push(paragraph('HEADING_2', [{ text: `${group.source} (${group.wins.length})` }]));
    for (const e of group.wins) blocks.push(...entryBlocks(e, grid));
  }

  blocks.push(paragraph('HEADING_1', [{ text: 'What we learned' }]));
  if (!s.learned.length)
    blocks.push(paragraph('NORMAL_TEXT', [{ text: 'No lesson learned was logged for this goal this year.' }]));
  for (const e of s.learned) blocks.push(...entryBlocks(e, grid));

  blocks.push(paragraph('HEADING_1', [{ text: 'Spotlight' }]));
  if (!s.spotlight.length)
    blocks.push(paragraph('NORMAL_TEXT', [{ text: 'No win of this goal was featured this year.' }]));
  for (const e of s.spotlight) blocks.push(...entryBlocks(e, grid, e.blurb || e.story));

  blocks.push(paragraph('HEADING_1', [{ text: 'Practices nominated to the showcase' }]));
  if (!s.practices.length)
    blocks.push(
      paragraph('NORMAL_TEXT', [
        {
          text: opts.showcase
            ? 'No practice of this goal is in the Showcase sheet.'
            : 'No practice yet: practices nominated to the showcase appear here once the Showcase sheet exists.',
        },
      ]),
    );
  for (const p of s.practices) {
    const unit = `practice-${p.id}`;
    const tier = [p.tier, p.status].filter(Boolean).join(', ');
    blocks.push(paragraph('HEADING_3', [{ text: `${p.name || p.id}${tier ? ` (${tier})` : ''}` }], { unit }));
    for (const [label, text] of [
      ['What it is: ', p.description],
      ['Impact and evidence: ', p.impact],
      ['What it takes: ', p.whatItTakes],
      ['Linked wins: ', p.winIds.join(', ')],
    ])
      if (text) blocks.push(paragraph('NORMAL_TEXT', [{ text: label, bold: true }, ...linkify(text)], { unit }));
  }

  blocks.push(paragraph('HEADING_1', [{ text: 'Reflect together' }]));
  blocks.push(
    list([
      ...REFLECT_PROMPTS.map((t) => [{ text: t }]),
      ...s.practices.map((p) => [{ text: `Keep, adapt or drop: ${p.name || p.id}?` }]),
    ]),
  );

  blocks.push(paragraph('HEADING_1', [{ text: 'Appendix: every entry' }]));
  if (!s.entries.length) blocks.push(paragraph('NORMAL_TEXT', [{ text: 'No entry this year.' }]));
  s.months.forEach((month, i) => {
    const rows = s.entries.filter((e) => e.month === i);
    if (!rows.length) return;
    const unit = `appendix-${i}`;
    blocks.push(paragraph('HEADING_2', [{ text: `${month.label} (${rows.length})` }], { unit }));
    blocks.push(
      table(
        [
          ['ID', 'Date', 'Kind', 'Headline', 'Submitted by'],
          ...rows.map((e) => [e.id, entryDay(e, grid), e.lesson ? 'Lesson learned' : 'Win', e.headline, who(e)]),
        ],
        true,
        { unit, caption: `Entries of ${month.label}` },
      ),
    );
  });

  // The generated part ends with a paragraph (never a table), so a run can replace it up to Our notes.
  blocks.push(
    paragraph(
      'NORMAL_TEXT',
      [
        {
          text: `Everything above is written again when Small Wins → Year-end synthesis runs again for ${s.year.label}; what you write under “${OUR_NOTES}” is kept.`,
          italic: true,
        },
      ],
      { role: 'footer' },
    ),
  );
  if (opts.withNotesHeading) {
    blocks.push(paragraph('HEADING_1', [{ text: OUR_NOTES }]));
    blocks.push(paragraph('NORMAL_TEXT', [{ text: 'Write here.' }]));
  }
  return { title: synthesisTitle(opts.school, s), lang: 'en', blocks };
}
