import type { Executor } from '../../db/client';
import { syncEmailDirectory } from '../../db/queries/directory';
import {
  findTakenEmails,
  loadUserReferences,
  updateManagers,
  upsertBatch,
  upsertTerritories,
} from '../../db/queries/import';
import { ROLES, type Role } from '../../domain/roles';
import type { SourceItem, SourceRecord } from './csv-reader';
import type { ImportContext } from './context';
import { findUser, RecordReader } from './record-reader';

// Users (reps, managers, with reporting lines and territories). A team is small, so its users are
// read whole: managers may come after the people they manage. Imported users get no password:
// they cannot sign in until an admin sets one. Without an email they get a placeholder on the
// reserved `.invalid` domain, which no mail can reach.

type UserRecord = {
  externalId: string;
  line: number;
  name: string;
  email: string | null;
  role: Role;
  managerExternalId: string | null;
  territory: string | null;
  reader: RecordReader;
};

const roleSynonyms: Record<string, Role> = {
  'sales rep': 'rep',
  'sales agent': 'rep',
  agent: 'rep',
  'account executive': 'rep',
  'sales manager': 'manager',
};

/** `Mei-Mei Johns` → `mei-mei.johns`: the local part of a placeholder email. */
export function placeholderLocalPart(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const local = ascii
    .toLowerCase()
    .replace(/\s+/g, '.')
    .replace(/[^a-z0-9.-]/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '');
  return local || 'user';
}

function readUser(record: { record: SourceRecord }, context: ImportContext) {
  const reader = new RecordReader(record.record, context.format);
  const email = reader.text('email')?.toLowerCase() ?? null;
  if (email !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    reader.fail('email', `"${email}" is not an email address`);
  }
  const user: UserRecord = {
    externalId: reader.required('externalId', 'the user id'),
    line: record.record.line,
    name: reader.required('name', 'the name'),
    email,
    role: reader.oneOf('role', ROLES, roleSynonyms) ?? 'rep',
    managerExternalId: reader.text('managerExternalId'),
    territory: reader.text('territory'),
    reader,
  };
  return user;
}

async function assignEmails(db: Executor, context: ImportContext, users: UserRecord[]) {
  const emails = new Map<UserRecord, string>();
  const used = new Set<string>();
  let pending = users;
  for (let attempt = 1; pending.length > 0 && attempt < 50; attempt++) {
    const candidates = new Map<UserRecord, string>();
    for (const user of pending) {
      const base =
        user.email ?? `${placeholderLocalPart(user.name)}@${context.orgSlug}.import.invalid`;
      const candidate = attempt === 1 || user.email ? base : base.replace('@', `.${attempt}@`);
      candidates.set(user, candidate);
    }
    const taken = await findTakenEmails(db, context.orgId, [...candidates.values()]);
    const retry: UserRecord[] = [];
    for (const [user, email] of candidates) {
      const holder = taken.get(email);
      const isSelf = holder !== undefined && holder.externalId === user.externalId;
      if ((holder && !isSelf) || used.has(email)) {
        if (user.email) user.reader.fail('email', `${email} is already used by another user`);
        else retry.push(user);
      } else {
        used.add(email);
        emails.set(user, email);
      }
    }
    pending = retry;
  }
  return emails;
}

/** A manager named by email or name in the same file is given by their id from here on. */
function managersByIdOnly(users: UserRecord[]) {
  const byKey = new Map<string, string>();
  for (const user of users) {
    if (user.email) byKey.set(user.email, user.externalId);
    byKey.set(user.name.trim().toLowerCase(), user.externalId);
  }
  for (const user of users) byKey.set(user.externalId, user.externalId);
  for (const user of users) {
    const named = user.managerExternalId;
    if (named !== null) user.managerExternalId = findUser(byKey, named) ?? named;
  }
}

function checkManagers(users: UserRecord[], existing: ReadonlyMap<string, string>) {
  managersByIdOnly(users);
  const byId = new Map(users.map((user) => [user.externalId, user]));
  for (const user of users) {
    const managerId = user.managerExternalId;
    if (managerId === null) continue;
    const manager = byId.get(managerId);
    if (!manager && findUser(existing, managerId) === undefined) {
      user.reader.fail('managerExternalId', `no user with the id, email or name "${managerId}"`);
    } else if (manager?.role === 'rep') {
      user.reader.fail('managerExternalId', `${manager.name} is a rep and cannot be a manager`);
    }
    let current = manager;
    for (let depth = 0; current && depth < 100; depth++) {
      if (current === user) {
        user.reader.fail('managerExternalId', 'makes a reporting loop');
        break;
      }
      current = current.managerExternalId ? byId.get(current.managerExternalId) : undefined;
    }
  }
}

/** An existing user the record names by its id, email or name. */
function existingUserOf(user: UserRecord, existing: ReadonlyMap<string, string>) {
  return (
    findUser(existing, user.externalId) ??
    (user.email === null ? undefined : findUser(existing, user.email)) ??
    findUser(existing, user.name)
  );
}

/**
 * Reads, checks and upserts the users, their territories, then their managers. With `isOnlyNew`
 * (the owners a CRM report names), a record naming an existing user leaves that user as it is.
 */
export async function importUsers(
  db: Executor,
  context: ImportContext,
  items: AsyncIterable<SourceItem>,
  { isOnlyNew = false }: { isOnlyNew?: boolean } = {},
): Promise<void> {
  const counts = context.log.countsOf('users');
  const users: UserRecord[] = [];
  // Existing users a record named by another key (Eli by name, the file's key his email).
  const known = new Map<string, string>();
  for await (const item of items) {
    counts.read += 1;
    if ('problem' in item) {
      context.log.problem(item.problem);
      counts.rejected += 1;
      continue;
    }
    const user = readUser(item, context);
    const existingId = isOnlyNew ? existingUserOf(user, context.ids.users) : undefined;
    if (existingId === undefined) users.push(user);
    else {
      counts.unchanged += 1;
      known.set(user.externalId, existingId);
    }
  }
  const firstLines = new Map<string, number>();
  for (const user of users) {
    const firstLine = firstLines.get(user.externalId);
    if (firstLine === undefined) firstLines.set(user.externalId, user.line);
    else
      user.reader.fail(
        'externalId',
        `the id "${user.externalId}" was already on line ${firstLine}`,
      );
  }
  checkManagers(users, context.ids.users);
  const emails = await assignEmails(db, context, users);
  const valid = users.filter((user) => user.reader.problems.length === 0);
  for (const user of users) user.reader.problems.forEach((p) => context.log.problem(p));
  counts.rejected += users.length - valid.length;

  const names = [...new Set(valid.flatMap((user) => (user.territory ? [user.territory] : [])))];
  const territories = await upsertTerritories(db, context.orgId, names);
  context.ids.territories = territories.ids;
  context.log.countsOf('territories').inserted += territories.inserted;
  context.log.countsOf('territories').read += names.length;

  const placeholders = valid.filter((user) => user.email === null).length;
  if (placeholders > 0) {
    context.log.note(
      'user-placeholder-email',
      `users without an email: given a placeholder @${context.orgSlug}.import.invalid (an admin sets the real one)`,
      placeholders,
    );
  }
  const result = await upsertBatch(
    db,
    usersTable,
    context.orgId,
    {
      externalIds: valid.map((user) => user.externalId),
      lines: valid.map((user) => user.line),
      values: {
        name: valid.map((user) => user.name),
        role: valid.map((user) => user.role),
        territory_id: valid.map((user) =>
          user.territory ? territories.ids.get(user.territory) : null,
        ),
        email: valid.map((user) => emails.get(user) ?? null),
      },
    },
    { today: context.today, hasExistingRows: true },
  );
  await syncEmailDirectory(db, context.orgId);
  context.ids.users = await loadUserReferences(db, context.orgId);
  for (const [key, id] of known) context.ids.users.set(key, id);
  const managersChanged = await updateManagers(
    db,
    context.orgId,
    valid.map((user) => ({
      externalId: user.externalId,
      managerId: user.managerExternalId
        ? (findUser(context.ids.users, user.managerExternalId) ?? null)
        : null,
    })),
  );
  // A user whose only change is their manager is updated too; a new user is only inserted.
  const inserted = new Set(result.insertedIds);
  const updated = new Set([...result.updatedIds, ...managersChanged]);
  for (const id of inserted) updated.delete(id);
  counts.inserted += inserted.size;
  counts.updated += updated.size;
  counts.unchanged += valid.length - inserted.size - updated.size;
}

const usersTable = {
  table: 'users',
  columns: [
    { name: 'name', type: 'text' },
    { name: 'role', type: 'text' },
    { name: 'territory_id', type: 'uuid' },
  ],
  insertOnly: [{ name: 'email', type: 'text' }],
  hasUpdatedAt: false,
  returnsIds: true,
} as const;
