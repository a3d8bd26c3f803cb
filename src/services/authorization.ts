import type { Role } from '../schemas/session';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { canImport } from '../domain/roles';

// The one module that decides who may read and change what (DOMAIN.md, "People"):
// - rep: their own accounts, deals, activities and plans;
// - manager: their team's (everyone reporting to them, directly or not), plus their own;
// - leader: reads the whole organisation and plans (strategy); changes only their own records;
// - admin: everything in the organisation, plus users and settings.
// Nothing crosses organisations: every query also filters by actor.orgId.

export type Actor = {
  orgId: string;
  userId: string;
  role: Role;
  name: string;
  /** The organisation's IANA time zone: "today" is its date there (services/clock.ts todayIn). */
  timeZone: string;
  /** The users whose records this actor may see: null means the whole organisation. */
  visibleOwnerIds: readonly string[] | null;
  /** The users whose records this actor may change: null means the whole organisation. */
  editableOwnerIds: readonly string[] | null;
};

/** Builds the actor's scopes from their role and the ids of everyone below them. */
export function actorScopes(
  role: Role,
  userId: string,
  teamMemberIds: readonly string[],
): Pick<Actor, 'visibleOwnerIds' | 'editableOwnerIds'> {
  switch (role) {
    case 'admin':
      return { visibleOwnerIds: null, editableOwnerIds: null };
    case 'leader':
      return { visibleOwnerIds: null, editableOwnerIds: [userId] };
    case 'manager':
      return {
        visibleOwnerIds: [userId, ...teamMemberIds],
        editableOwnerIds: [userId, ...teamMemberIds],
      };
    case 'rep':
      return { visibleOwnerIds: [userId], editableOwnerIds: [userId] };
  }
}

export function canRead(actor: Actor, ownerId: string | null): boolean {
  if (actor.visibleOwnerIds === null) return true;
  return ownerId !== null && actor.visibleOwnerIds.includes(ownerId);
}

export function canChange(actor: Actor, ownerId: string | null): boolean {
  if (actor.editableOwnerIds === null) return true;
  return ownerId !== null && actor.editableOwnerIds.includes(ownerId);
}

/**
 * Throws unless the actor may change a record owned by `ownerId`. A record the actor cannot even
 * read is "not found", never "forbidden": its existence is not theirs to learn.
 */
export function assertCanChange(actor: Actor, entity: string, id: string, ownerId: string | null) {
  if (!canRead(actor, ownerId)) throw new NotFoundError(entity, id);
  if (!canChange(actor, ownerId))
    throw new ForbiddenError(`You may read this ${entity.toLowerCase()} but not change it`);
}

/** Organisation settings and reference lists (products, stages, users): admins only. */
export function assertIsAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new ForbiddenError('Only an admin can do this');
}

/** CSV import writes the whole organisation's records: admins and leaders (domain/roles.ts). */
export function assertCanImport(actor: Actor) {
  if (!canImport(actor.role)) throw new ForbiddenError('Only an admin or a leader can import');
}
