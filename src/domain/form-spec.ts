// The intake Form's questions: wording for a phone, the field each answer fills, and its choices.
import { CONSENTS, KINDS, ROLES, SOURCES, YES_NO } from './schema';

export type IntakeField =
  | 'name'
  | 'role'
  | 'headline'
  | 'story'
  | 'evidence'
  | 'kind'
  | 'goals'
  | 'source'
  | 'consent'
  | 'namesStudents'
  | 'link';

export type QuestionType = 'TEXT' | 'PARAGRAPH_TEXT' | 'MULTIPLE_CHOICE' | 'CHECKBOX' | 'LIST';

export interface QuestionSpec {
  field: IntakeField;
  title: string;
  help: string;
  type: QuestionType;
  required: boolean;
  /** Fixed choices; the goals question takes its choices from the Goals sheet. */
  choices?: readonly string[];
}

export const FORM_TITLE = 'Share a small win';
export const FORM_DESCRIPTION =
  'Two minutes: tell us about something that went well, or a lesson learned from something that did not. ' +
  'Small steps count. Leaders read every entry before anything is shared.';
export const FORM_CONFIRMATION = 'Thank you! Your win is in the log. A leader will read it before anything is shared.';

export const CONSENT_HELP =
  'Staff only: colleagues at school. School community: also our families. Public: also partners, the district and social posts.';

export const QUESTIONS: readonly QuestionSpec[] = [
  { field: 'name', title: 'Your name', help: '', type: 'TEXT', required: true },
  { field: 'role', title: 'Your role', help: '', type: 'LIST', required: true, choices: ROLES },
  {
    field: 'headline',
    title: 'Headline',
    help: 'One line, up to 120 characters. What went well, or what did you learn?',
    type: 'TEXT',
    required: true,
  },
  {
    field: 'story',
    title: 'What happened?',
    help: 'A few sentences: who, what, and what changed.',
    type: 'PARAGRAPH_TEXT',
    required: true,
  },
  {
    field: 'evidence',
    title: 'How do you know it made a difference?',
    help: 'Optional: student work, a comment, a number, what you saw.',
    type: 'PARAGRAPH_TEXT',
    required: false,
  },
  {
    field: 'kind',
    title: 'Is this a win or a lesson learned?',
    help: 'Lessons learned count as progress too.',
    type: 'MULTIPLE_CHOICE',
    required: true,
    choices: KINDS,
  },
  {
    field: 'goals',
    title: 'Which school goals does it move forward?',
    help: 'Pick any that fit, or none.',
    type: 'CHECKBOX',
    required: false,
  },
  {
    field: 'source',
    title: 'Where did it come from?',
    help: '',
    type: 'MULTIPLE_CHOICE',
    required: true,
    choices: SOURCES,
  },
  {
    field: 'consent',
    title: 'Who may read it?',
    help: CONSENT_HELP,
    type: 'MULTIPLE_CHOICE',
    required: true,
    choices: CONSENTS,
  },
  {
    field: 'namesStudents',
    title: 'Does it name students or include photos of them?',
    help: 'If yes, a leader checks privacy before families or the public see it.',
    type: 'MULTIPLE_CHOICE',
    required: true,
    choices: YES_NO,
  },
  {
    field: 'link',
    title: 'Link to photos or documents (optional)',
    help: 'Paste a link to a shared folder or file.',
    type: 'TEXT',
    required: false,
  },
];

export function questionFor(field: IntakeField): QuestionSpec {
  const q = QUESTIONS.find((x) => x.field === field);
  if (!q) throw new Error(`No question for ${field}`);
  return q;
}
