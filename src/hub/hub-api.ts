// What crosses between the district hub's Settings page and its server: plain JSON types and the endpoint
// signatures the page's client derives from (import type only).
import type { HubSettingsField, HubSettingsInput } from './domain/hub-settings';

export type { HubSettingsField, HubSettingsInput };

export interface HubSettingsView {
  input: HubSettingsInput;
  /** The account the hub runs as: schools share their exports with it. */
  account: string;
  /** The nightly pull and where the last one stands, in a sentence. */
  pull: string;
  schools: number;
}

export type HubSettingsSaveResult =
  | { ok: true; message: string; view: HubSettingsView }
  | { ok: false; message: string; errors: Partial<Record<HubSettingsField, string>> };

export interface HubSettingsEndpoints {
  hubSettingsOpen: () => HubSettingsView;
  hubSettingsSave: (input: HubSettingsInput) => HubSettingsSaveResult;
}
