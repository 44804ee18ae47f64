// The district hub's settings: the district's name, the principals the showcase digest is drafted to, and the
// BigQuery project and dataset the export loads into — checked the same way on the page and on the server.

export interface HubSettings {
  districtName: string;
  principals: string[];
  bigQueryProject: string;
  bigQueryDataset: string;
}

/** What the settings page sends: the principals as one text (commas, semicolons or new lines between them). */
export interface HubSettingsInput {
  districtName: string;
  principals: string;
  bigQueryProject: string;
  bigQueryDataset: string;
}

export type HubSettingsField = keyof HubSettingsInput;

export const MAX_PRINCIPALS = 500;
const EMAIL = /^[^@\s,;<>"]+@[^@\s,;<>"]+\.[^@\s,;<>"]+$/;
/** Google Cloud project IDs: 6–30 lower-case letters, digits or hyphens, starting with a letter. */
const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** BigQuery dataset IDs: letters, digits and underscores, at most 1,024. */
const DATASET = /^[A-Za-z0-9_]{1,1024}$/;

export function hubSettingsWithDefaults(raw: unknown): HubSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<HubSettings>;
  return {
    districtName: typeof r.districtName === 'string' ? r.districtName : '',
    principals: Array.isArray(r.principals) ? r.principals.map(String) : [],
    bigQueryProject: typeof r.bigQueryProject === 'string' ? r.bigQueryProject : '',
    bigQueryDataset: typeof r.bigQueryDataset === 'string' ? r.bigQueryDataset : '',
  };
}

export function hubSettingsToInput(s: HubSettings): HubSettingsInput {
  return { ...s, principals: s.principals.join(', ') };
}

export function splitAddresses(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

export function validateHubSettings(
  input: HubSettingsInput,
): { ok: true; settings: HubSettings } | { ok: false; errors: Partial<Record<HubSettingsField, string>> } {
  const errors: Partial<Record<HubSettingsField, string>> = {};
  const districtName = input.districtName.trim();
  if (districtName.length > 200) errors.districtName = 'Keep the name to 200 characters or fewer.';
  const principals = Array.from(new Set(splitAddresses(input.principals).map((a) => a.toLowerCase())));
  const bad = principals.filter((a) => !EMAIL.test(a));
  if (bad.length)
    errors.principals = `${bad.slice(0, 3).join(', ')} ${bad.length === 1 ? 'is not an email address' : 'are not email addresses'}.`;
  else if (principals.length > MAX_PRINCIPALS)
    errors.principals = `At most ${MAX_PRINCIPALS} addresses: use a Google Group for more.`;
  const bigQueryProject = input.bigQueryProject.trim();
  const bigQueryDataset = input.bigQueryDataset.trim();
  if (bigQueryProject && !PROJECT.test(bigQueryProject))
    errors.bigQueryProject =
      'A Google Cloud project ID is 6 to 30 lower-case letters, digits or hyphens, starting with a letter (see the Cloud console).';
  if (bigQueryDataset && !DATASET.test(bigQueryDataset))
    errors.bigQueryDataset = 'A dataset ID uses letters, digits and underscores only, for example small_wins.';
  if (!!bigQueryProject !== !!bigQueryDataset) {
    const missing: HubSettingsField = bigQueryProject ? 'bigQueryDataset' : 'bigQueryProject';
    errors[missing] ??= 'Give both the project and the dataset, or neither.';
  }
  return Object.keys(errors).length
    ? { ok: false, errors }
    : { ok: true, settings: { districtName, principals, bigQueryProject, bigQueryDataset } };
}
