// Developer metadata of the SpreadsheetApp fake, on the spreadsheet and on sheets: add it (key, value, visibility),
// list it, find it with a DeveloperMetadataFinder, read, change, move and remove it. Metadata located on a sheet is
// kept with that sheet, so deleting the sheet deletes it, as the reference says. Row and column locations are not
// faked.
import type { ServiceEnv } from './core';
import type { CostTable } from './meter';
import type { MetadataState, MetadataVisibility, SheetState, SpreadsheetState } from './types';

type Facade = any;

const VISIBILITIES: MetadataVisibility[] = ['DOCUMENT', 'PROJECT'];
const LOCATION_TYPES = ['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'];

/** Reading or writing metadata is a round trip like a data read or write; a metadata object's getters are local. */
export const METADATA_READ = 100;
export const METADATA_WRITE = 100;
export const DEVELOPER_METADATA_COSTS: CostTable = {
  default: 0,
  setKey: METADATA_WRITE,
  setValue: METADATA_WRITE,
  setVisibility: METADATA_WRITE,
  remove: METADATA_WRITE,
  moveToSheet: METADATA_WRITE,
  moveToSpreadsheet: METADATA_WRITE,
};
export const FINDER_COSTS: CostTable = { default: 0, find: METADATA_READ };

export interface MetadataHost {
  ssState(ssId: string): SpreadsheetState;
  sheetState(ssId: string, sheetId: number): SheetState;
  sheet(ssId: string, sheetId: number): Facade;
  spreadsheet(ssId: string): Facade;
  /** The sheet behind a Sheet facade, or null when it is not one. */
  sheetIdOf(sheet: unknown): number | null;
}

/** Where a metadata entry sits: the spreadsheet itself, or a sheet. */
type Place = { ssId: string; sheetId: number | null };

export function developerMetadata(env: ServiceEnv, host: MetadataHost) {
  const err = env.error;
  const visibilityEnum = () => env.enumOf('SpreadsheetApp.DeveloperMetadataVisibility', VISIBILITIES);
  const locationTypes = () => env.enumOf('SpreadsheetApp.DeveloperMetadataLocationType', LOCATION_TYPES);

  function listAt(place: Place): MetadataState[] {
    if (place.sheetId === null) return (host.ssState(place.ssId).metadata ??= []);
    return (host.sheetState(place.ssId, place.sheetId).metadata ??= []);
  }

  function nextId(ss: SpreadsheetState): number {
    const used = new Set([...(ss.metadata ?? []), ...ss.sheets.flatMap((s) => s.metadata ?? [])].map((m) => m.id));
    let id = 1 + ((env.core.seq++ * 104_729) % 2_000_000_000);
    while (used.has(id)) id++;
    return id;
  }

  function enumValue(v: unknown, names: readonly string[], method: string): string {
    const name = v && typeof v === 'object' && 'name' in v ? String((v as { name: () => string }).name()) : '';
    if (!names.includes(name))
      throw err(`The parameters (${typeof v}) don't match the method signature for ${method}.`);
    return name;
  }

  /** Where entry `id` is now (it may have moved or been removed since its facade was made). */
  function locate(ssId: string, id: number): { place: Place; entry: MetadataState } | null {
    const ss = host.ssState(ssId);
    const top = (ss.metadata ?? []).find((m) => m.id === id);
    if (top) return { place: { ssId, sheetId: null }, entry: top };
    for (const s of ss.sheets) {
      const entry = (s.metadata ?? []).find((m) => m.id === id);
      if (entry) return { place: { ssId, sheetId: s.id }, entry };
    }
    return null;
  }

  function metadataFacade(ssId: string, id: number): Facade {
    const live = () => {
      const found = locate(ssId, id);
      if (!found) throw err('Simulator: this developer metadata was removed (or its sheet deleted).');
      return found;
    };
    const move = (to: Place): Facade => {
      const { place, entry } = live();
      const from = listAt(place);
      from.splice(from.indexOf(entry), 1);
      listAt(to).push(entry);
      return proxy;
    };
    const self = {
      getId: () => id,
      getKey: () => live().entry.key,
      getValue: () => live().entry.value,
      getVisibility: () => visibilityEnum()[live().entry.visibility],
      getLocation: () => {
        const { place } = live();
        const type = place.sheetId === null ? 'SPREADSHEET' : 'SHEET';
        return env.metered(
          'DeveloperMetadataLocation',
          {
            getLocationType: () => locationTypes()[type],
            getSpreadsheet: () => (place.sheetId === null ? host.spreadsheet(ssId) : null),
            getSheet: () => (place.sheetId === null ? null : host.sheet(ssId, place.sheetId)),
            getRow: () => null,
            getColumn: () => null,
          },
          0,
        );
      },
      setKey: (key: string) => {
        live().entry.key = checkKey(key, 'DeveloperMetadata.setKey');
        return proxy;
      },
      setValue: (value: string) => {
        live().entry.value = value === null || value === undefined ? null : String(value);
        return proxy;
      },
      setVisibility: (visibility: unknown) => {
        live().entry.visibility = enumValue(
          visibility,
          VISIBILITIES,
          'SpreadsheetApp.DeveloperMetadata.setVisibility',
        ) as MetadataVisibility;
        return proxy;
      },
      moveToSpreadsheet: () => move({ ssId, sheetId: null }),
      moveToSheet: (sheet: unknown) => {
        const sheetId = host.sheetIdOf(sheet);
        if (sheetId === null)
          throw err(
            `The parameters (${typeof sheet}) don't match the method signature for SpreadsheetApp.DeveloperMetadata.moveToSheet.`,
          );
        return move({ ssId, sheetId });
      },
      remove: () => {
        const { place, entry } = live();
        const list = listAt(place);
        list.splice(list.indexOf(entry), 1);
      },
    };
    const proxy: Facade = env.metered('DeveloperMetadata', self, DEVELOPER_METADATA_COSTS);
    return proxy;
  }

  function checkKey(key: unknown, method: string): string {
    if (typeof key !== 'string')
      throw err(`The parameters (${typeof key}) don't match the method signature for ${method}.`);
    if (!key) throw err('Simulator: developer metadata needs a key that is not empty.');
    return key;
  }

  /**
   * addDeveloperMetadata(key), (key, visibility), (key, value) and (key, value, visibility); the default visibility
   * is DOCUMENT.
   */
  function add(place: Place, method: string, key: unknown, second?: unknown, third?: unknown): void {
    const k = checkKey(key, method);
    let value: string | null = null;
    let visibility: MetadataVisibility = 'DOCUMENT';
    if (second !== undefined && second !== null && typeof second === 'object')
      visibility = enumValue(second, VISIBILITIES, method) as MetadataVisibility;
    else if (second !== undefined) {
      value = second === null ? null : String(second);
      if (third !== undefined) visibility = enumValue(third, VISIBILITIES, method) as MetadataVisibility;
    }
    listAt(place).push({ id: nextId(host.ssState(place.ssId)), key: k, value, visibility });
  }

  /** A finder over the spreadsheet (`sheetId` null) or one sheet. */
  function finder(ssId: string, sheetId: number | null): Facade {
    const filters: Array<(m: MetadataState, place: Place) => boolean> = [];
    const add = (f: (m: MetadataState, place: Place) => boolean): Facade => {
      filters.push(f);
      return proxy;
    };
    const self = {
      withKey: (key: string) => add((m) => m.key === String(key)),
      withValue: (value: string) => add((m) => m.value === String(value)),
      withId: (id: number) => add((m) => m.id === Number(id)),
      withVisibility: (visibility: unknown) => {
        const v = enumValue(visibility, VISIBILITIES, 'SpreadsheetApp.DeveloperMetadataFinder.withVisibility');
        return add((m) => m.visibility === v);
      },
      withLocationType: (type: unknown) => {
        const t = enumValue(type, LOCATION_TYPES, 'SpreadsheetApp.DeveloperMetadataFinder.withLocationType');
        return add((_m, place) => (place.sheetId === null ? 'SPREADSHEET' : 'SHEET') === t);
      },
      find: () => {
        const ss = host.ssState(ssId);
        const places: Place[] =
          sheetId === null
            ? [{ ssId, sheetId: null }, ...ss.sheets.map((s) => ({ ssId, sheetId: s.id }))]
            : [{ ssId, sheetId }];
        const found: Facade[] = [];
        for (const place of places)
          for (const m of listAt(place)) if (filters.every((f) => f(m, place))) found.push(metadataFacade(ssId, m.id));
        return env.arr(found);
      },
    };
    const proxy: Facade = env.metered('DeveloperMetadataFinder', self, FINDER_COSTS);
    return proxy;
  }

  /** The metadata methods of the spreadsheet (`sheetId` null) or of one sheet; `self` is what add returns. */
  function methodsOf(ssId: string, sheetId: number | null, self: () => Facade) {
    const place: Place = { ssId, sheetId };
    const method = sheetId === null ? 'SpreadsheetApp.Spreadsheet' : 'SpreadsheetApp.Sheet';
    return {
      addDeveloperMetadata: (key: string, second?: unknown, third?: unknown) => {
        add(place, `${method}.addDeveloperMetadata`, key, second, third);
        return self();
      },
      getDeveloperMetadata: () => env.arr(listAt(place).map((m) => metadataFacade(ssId, m.id))),
      createDeveloperMetadataFinder: () => finder(ssId, sheetId),
    };
  }

  return { methodsOf };
}

/** Costs of the Spreadsheet and Sheet metadata methods. */
export const METADATA_METHOD_COSTS: CostTable = {
  default: 0,
  addDeveloperMetadata: METADATA_WRITE,
  getDeveloperMetadata: METADATA_READ,
  createDeveloperMetadataFinder: 0,
};
