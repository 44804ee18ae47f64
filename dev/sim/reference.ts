// The Apps Script reference each fake class is checked against at compile time (@types/google-apps-script): a fake
// may leave methods out (they throw "not implemented"), but may not invent one or take other argument types.
/// <reference types="google-apps-script" />
/// <reference path="../../src/types/forms-publish.d.ts" />
/// <reference path="./reference-additions.d.ts" />

/** Class name (as the meter names it) → the reference type of that class. */
export interface ReferenceClasses {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  Sheet: GoogleAppsScript.Spreadsheet.Sheet;
  Range: GoogleAppsScript.Spreadsheet.Range;
  TextFinder: GoogleAppsScript.Spreadsheet.TextFinder;
  DataValidation: GoogleAppsScript.Spreadsheet.DataValidation;
  DataValidationBuilder: GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  EmbeddedChart: GoogleAppsScript.Spreadsheet.EmbeddedChart;
  EmbeddedChartBuilder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  EmbeddedColumnChartBuilder: GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
  EmbeddedBarChartBuilder: GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
  EmbeddedLineChartBuilder: GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder;
  ContainerInfo: GoogleAppsScript.Spreadsheet.ContainerInfo;
  ChartOptions: GoogleAppsScript.Charts.ChartOptions;
  Charts: GoogleAppsScript.Charts.Charts;
  DeveloperMetadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata;
  DeveloperMetadataFinder: GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  DeveloperMetadataLocation: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
  FormApp: GoogleAppsScript.Forms.FormApp;
  Form: GoogleAppsScript.Forms.Form;
  FormResponse: GoogleAppsScript.Forms.FormResponse;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  TriggerBuilder: GoogleAppsScript.Script.TriggerBuilder;
  SpreadsheetTriggerBuilder: GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  FormTriggerBuilder: GoogleAppsScript.Script.FormTriggerBuilder;
  ClockTriggerBuilder: GoogleAppsScript.Script.ClockTriggerBuilder;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Properties: GoogleAppsScript.Properties.Properties;
  LockService: GoogleAppsScript.Lock.LockService;
  Lock: GoogleAppsScript.Lock.Lock;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Cache: GoogleAppsScript.Cache.Cache;
  Session: GoogleAppsScript.Base.Session;
  User: GoogleAppsScript.Base.User;
  Ui: GoogleAppsScript.Base.Ui;
  Menu: GoogleAppsScript.Base.Menu;
  PromptResponse: GoogleAppsScript.Base.PromptResponse;
  Logger: GoogleAppsScript.Base.Logger;
  Blob: GoogleAppsScript.Base.Blob;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  HtmlOutput: GoogleAppsScript.HTML.HtmlOutput;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  Document: GoogleAppsScript.Document.Document;
  Body: GoogleAppsScript.Document.Body;
  Paragraph: GoogleAppsScript.Document.Paragraph;
  ListItem: GoogleAppsScript.Document.ListItem;
  Table: GoogleAppsScript.Document.Table;
  TableRow: GoogleAppsScript.Document.TableRow;
  TableCell: GoogleAppsScript.Document.TableCell;
  Text: GoogleAppsScript.Document.Text;
  HorizontalRule: GoogleAppsScript.Document.HorizontalRule;
  PageBreak: GoogleAppsScript.Document.PageBreak;
  'Docs.Documents': GoogleAppsScript.Docs.Collection.DocumentsCollection;
  'Gmail.Users.Drafts': GoogleAppsScript.Gmail.Collection.Users.DraftsCollection;
  Sheets: GoogleAppsScript.Sheets;
  'Sheets.Spreadsheets': GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;
  'Sheets.Spreadsheets.Values': GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;
  Drive: GoogleAppsScript.Drive;
  'Drive.Permissions': GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection;
  BigQuery: GoogleAppsScript.BigQuery;
  'BigQuery.Jobs': GoogleAppsScript.BigQuery.Collection.JobsCollection;
  'Gmail.Users.Messages': GoogleAppsScript.Gmail.Collection.Users.MessagesCollection;
  LanguageApp: GoogleAppsScript.Language.LanguageApp;
}

/**
 * A fake of reference class `R`: any subset of its methods, each callable with the arguments the reference accepts
 * (what it returns is the fake's business: facades of other fakes, realm arrays and dates). Enums and other
 * properties are checked by name only.
 */
export type Fake<R> = {
  [K in keyof R]?: R[K] extends (...args: infer A) => unknown ? (...args: A) => unknown : unknown;
};

/** `T` as a fake of `R`, with every key `R` does not have turned into an error. */
export type Checked<R, T> = T & Fake<R> & { [K in Exclude<Extract<keyof T, string>, keyof R | ObjectMethods>]: never };

/** What every JavaScript object answers (String(user) gives the email, as Apps Script's objects print). */
type ObjectMethods = 'toString' | 'toJSON' | 'valueOf';
