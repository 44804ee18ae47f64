// Who may reach a file, and the advanced Drive service (v3) as far as sharing goes: Drive.Permissions create, list,
// get and remove on the simulator's spreadsheets, with owners, viewer/editor sharing and the drive.file scope meaning
// "files this project created for this user". Inspect and share by hand with simDrive(sim).
import { createHash } from 'node:crypto';
import type { ServiceEnv, SimCore } from './core';
import { manifestScopes, takeFault, type FaultState } from './documents';
import { ensureCell, newSheet, nextSheetId } from './grid';
import type { PermissionState, SpreadsheetState } from './types';

export const SCOPE = {
  drive: 'https://www.googleapis.com/auth/drive',
  driveReadonly: 'https://www.googleapis.com/auth/drive.readonly',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  spreadsheetsReadonly: 'https://www.googleapis.com/auth/spreadsheets.readonly',
} as const;

const ROLE_RANK: Record<PermissionState['role'], number> = {
  reader: 1,
  commenter: 2,
  writer: 3,
  fileOrganizer: 3,
  organizer: 4,
  owner: 5,
};

const same = (a: string | undefined, b: string) => !!a && a.toLowerCase() === b.toLowerCase();

/** The user's role on the file (owner, a permission for them, their domain or anyone), or null: no access. */
export function roleOf(ss: SpreadsheetState, user: string): PermissionState['role'] | null {
  // States saved before files had owners: anyone may open them.
  if (!ss.owner || same(ss.owner, user)) return 'owner';
  const domain = user.split('@')[1] ?? '';
  let best: PermissionState['role'] | null = null;
  for (const p of ss.permissions ?? []) {
    const applies =
      (p.type === 'user' && same(p.emailAddress, user)) ||
      (p.type === 'domain' && same(p.domain, domain)) ||
      p.type === 'anyone';
    if (applies && (!best || ROLE_RANK[p.role] > ROLE_RANK[best])) best = p.role;
  }
  return best;
}

export type Reach = 'ok' | 'no-access' | 'no-scope' | 'not-this-app';

/**
 * Whether the running user may `need` the file through an API of the running project: their role on the file,
 * then the project's scopes — `broad` scopes reach every file the user can, drive.file only files this project
 * created for this user. No manifest loaded (sim.api from a test): the role alone decides.
 */
export function reach(core: SimCore, ss: SpreadsheetState, need: 'read' | 'write', broad: readonly string[]): Reach {
  const user = core.exec.user;
  const role = roleOf(ss, user);
  if (!role || (need === 'write' && ROLE_RANK[role] < ROLE_RANK.writer)) return 'no-access';
  const scopes = manifestScopes(core);
  if (!scopes) return 'ok';
  if (scopes.some((s) => broad.includes(s))) return 'ok';
  if (!scopes.includes(SCOPE.driveFile)) return 'no-scope';
  const made = ss.createdBy;
  return made && made.project === core.projectId && same(made.user, user) ? 'ok' : 'not-this-app';
}

/** A Drive-like permission ID for an account: the same on every file, as Drive's are. */
export function permissionIdFor(email: string): string {
  const digits = BigInt(`0x${createHash('sha1').update(email.toLowerCase()).digest('hex').slice(0, 15)}`).toString();
  return digits.padStart(20, '0');
}

interface DriveState {
  faults: Record<string, FaultState>;
}

function driveState(core: SimCore): DriveState {
  if (!('drive' in core.extensions)) core.extensions.drive = { faults: {} } satisfies DriveState;
  return core.extensions.drive as DriveState;
}

/** `fields` of a Drive request ("id,role", "permissions(id,emailAddress)", "*"): the member names asked for. */
function fieldMask(fields: unknown, inner?: string): Set<string> | null {
  if (fields === undefined || fields === null || fields === '') return null;
  let text = String(fields).trim();
  if (inner) {
    const m = new RegExp(`${inner}\\(([^)]*)\\)`).exec(text);
    if (!m) return text.split(',').some((f) => f.trim() === inner || f.trim() === '*') ? null : new Set();
    text = m[1];
  }
  if (text === '*') return null;
  return new Set(text.split(',').map((f) => f.trim()));
}

/** A permission as v3 returns it: kind, id, type and role unless `fields` asks for more (or less). */
function permissionJson(p: PermissionState, mask: Set<string> | null): Record<string, unknown> {
  const all: Record<string, unknown> = {
    kind: 'drive#permission',
    id: p.id,
    type: p.type,
    role: p.role,
    ...(p.emailAddress ? { emailAddress: p.emailAddress } : {}),
    ...(p.domain ? { domain: p.domain } : {}),
  };
  const keep = mask ?? new Set(['kind', 'id', 'type', 'role']);
  return Object.fromEntries(Object.entries(all).filter(([k]) => keep.has(k)));
}

function ownerPermission(ss: SpreadsheetState): PermissionState | null {
  return ss.owner
    ? { id: permissionIdFor(ss.owner), type: 'user', role: 'owner', emailAddress: ss.owner, notified: false }
    : null;
}

const ROLES = Object.keys(ROLE_RANK);
const TYPES = ['user', 'group', 'domain', 'anyone'];

export function driveService(env: ServiceEnv): unknown {
  const { core } = env;
  // The REST method behind Permissions.remove is permissions.delete.
  const fail = (method: string, message: string) =>
    env.error(
      `GoogleJsonResponseException: API call to drive.permissions.${method === 'remove' ? 'delete' : method} failed with error: ${message}`,
    );

  /** The file the running project may manage sharing of: owner or editor, reached through a Drive scope. */
  const file = (method: string, fileId: unknown, need: 'read' | 'write'): SpreadsheetState => {
    core.requireAuth(`Drive.Permissions.${method}`);
    takeFault(driveState(core).faults, [`Drive.Permissions.${method}`, 'Drive.*'], env.error);
    const id = String(fileId ?? '');
    const ss = core.spreadsheets.get(id);
    const scopes = manifestScopes(core);
    if (scopes && ![SCOPE.drive, SCOPE.driveFile, SCOPE.driveReadonly].some((s) => scopes.includes(s)))
      throw fail(method, 'Request had insufficient authentication scopes.');
    if (!ss) throw fail(method, `File not found: ${id}.`);
    const r = reach(core, ss, 'read', [SCOPE.drive, SCOPE.driveReadonly]);
    if (r !== 'ok') throw fail(method, `File not found: ${id}.`);
    if (need === 'write') {
      const w = reach(core, ss, 'write', [SCOPE.drive]);
      if (w === 'no-access') throw fail(method, 'The user does not have sufficient permissions for this file.');
      if (w !== 'ok') throw fail(method, 'Request had insufficient authentication scopes.');
    }
    return ss;
  };

  const permissions = env.metered(
    'Drive.Permissions',
    {
      create(resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission, fileId: string, optionalArgs?: object) {
        const ss = file('create', fileId, 'write');
        const opts = (optionalArgs ?? {}) as Record<string, unknown>;
        const r = (resource ?? {}) as Record<string, unknown>;
        const type = String(r.type ?? '');
        const role = String(r.role ?? '');
        if (!TYPES.includes(type)) throw fail('create', 'The permission type field is required.');
        if (!ROLES.includes(role)) throw fail('create', 'The permission role field is required.');
        const email = r.emailAddress === undefined ? '' : String(r.emailAddress).trim();
        if ((type === 'user' || type === 'group') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
          throw fail('create', 'Invalid sharing request');
        if (role === 'owner') throw fail('create', 'Simulator: transferring ownership is not implemented');
        const list = (ss.permissions ??= []);
        const id = type === 'anyone' ? 'anyoneWithLink' : permissionIdFor(email || String(r.domain ?? type));
        const notified = type === 'user' || type === 'group' ? opts.sendNotificationEmail !== false : false;
        let p = list.find((x) => x.id === id);
        if (p) p.role = role as PermissionState['role'];
        else {
          p = {
            id,
            type: type as PermissionState['type'],
            role: role as PermissionState['role'],
            ...(email ? { emailAddress: email } : {}),
            ...(r.domain ? { domain: String(r.domain) } : {}),
            notified,
          };
          list.push(p);
        }
        return env.obj(permissionJson(p, fieldMask(opts.fields)));
      },
      list(fileId: string, optionalArgs?: Record<string, unknown>) {
        const ss = file('list', fileId, 'read');
        const mask = fieldMask(optionalArgs?.fields, 'permissions');
        const all = [ownerPermission(ss), ...(ss.permissions ?? [])].filter((p): p is PermissionState => !!p);
        return env.obj({
          kind: 'drive#permissionList',
          permissions: env.arr(all.map((p) => env.obj(permissionJson(p, mask)))),
        });
      },
      get(fileId: string, permissionId: string, optionalArgs?: Record<string, unknown>) {
        const ss = file('get', fileId, 'read');
        const all = [ownerPermission(ss), ...(ss.permissions ?? [])].filter((p): p is PermissionState => !!p);
        const p = all.find((x) => x.id === String(permissionId));
        if (!p) throw fail('get', `Permission not found: ${String(permissionId)}.`);
        return env.obj(permissionJson(p, fieldMask(optionalArgs?.fields)));
      },
      remove(fileId: string, permissionId: string) {
        const ss = file('remove', fileId, 'write');
        const id = String(permissionId);
        if (ss.owner && id === permissionIdFor(ss.owner))
          throw fail('remove', 'The owner of a file cannot be removed.');
        const before = (ss.permissions ?? []).length;
        ss.permissions = (ss.permissions ?? []).filter((p) => p.id !== id);
        if (ss.permissions.length === before) throw fail('remove', `Permission not found: ${id}.`);
        return undefined;
      },
    },
    150,
  );
  return env.metered('Drive', { Permissions: permissions }, 0);
}

/** Test and playground access to files and sharing (unmetered). */
export function simDrive(sim: { core: SimCore }) {
  const core = sim.core;
  const get = (id: string) => {
    const ss = core.spreadsheets.get(id);
    if (!ss) throw new Error(`Simulator: no file ${id}`);
    return ss;
  };
  return {
    /** Owner, sharing and creator of a file. */
    file(id: string) {
      const ss = get(id);
      return {
        id,
        name: ss.name,
        owner: ss.owner ?? null,
        permissions: [...(ss.permissions ?? [])],
        createdBy: ss.createdBy,
      };
    },
    /** Whether `user` can open the file (owner, or shared with them). */
    canRead(id: string, user: string): boolean {
      return roleOf(get(id), user) !== null;
    },
    /** A person shares the file by hand from Drive. */
    share(id: string, email: string, role: PermissionState['role'] = 'reader'): void {
      const ss = get(id);
      const list = (ss.permissions ??= []);
      const pid = permissionIdFor(email);
      const found = list.find((p) => p.id === pid);
      if (found) found.role = role;
      else list.push({ id: pid, type: 'user', role, emailAddress: email, notified: true });
    },
    /** A person removes someone's access by hand. */
    unshare(id: string, email: string): void {
      const ss = get(id);
      ss.permissions = (ss.permissions ?? []).filter((p) => !same(p.emailAddress, email));
    },
    /**
     * A spreadsheet someone made outside the project under test (another school's export, a file by hand): owned by
     * `owner`, with sheets of raw values (nothing parsed), shared as given. Returns its ID.
     */
    createSpreadsheet(spec: {
      owner: string;
      name: string;
      sheets: Record<string, ReadonlyArray<ReadonlyArray<string | number | boolean>>>;
      sharedWith?: string[];
      timeZone?: string;
    }): string {
      const id = core.fileId('Sheet');
      const ss: SpreadsheetState = {
        id,
        name: spec.name,
        timeZone: spec.timeZone ?? core.timeZone,
        locale: 'en_US',
        sheets: [],
        activeSheetId: 0,
        formUrl: null,
        owner: spec.owner,
        permissions: (spec.sharedWith ?? []).map((email) => ({
          id: permissionIdFor(email),
          type: 'user' as const,
          role: 'reader' as const,
          emailAddress: email,
          notified: false,
        })),
      };
      for (const [name, rows] of Object.entries(spec.sheets)) {
        const sheet = newSheet(ss.sheets.length ? nextSheetId(ss) : 0, name, Math.max(1000, rows.length + 10), 26);
        rows.forEach((row, r) => row.forEach((v, c) => (ensureCell(sheet, r + 1, c + 1).v = v)));
        ss.sheets.push(sheet);
      }
      core.spreadsheets.set(id, ss);
      return id;
    },
    /** The file is deleted for good: every API call on it answers "not found". */
    deleteFile(id: string): void {
      get(id);
      core.spreadsheets.delete(id);
    },
    /** The next `times` calls of `method` ("Drive.Permissions.create", or "Drive.*") fail with `message`. */
    failNext(method: string, times: number, message: string): void {
      driveState(core).faults[method] = { times, message };
    },
  };
}
