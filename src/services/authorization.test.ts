import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { type Actor, actorScopes, assertCanChange, canChange, canRead } from './authorization';

const actor = (role: Actor['role'], userId: string, team: string[] = []): Actor => ({
  orgId: 'org',
  userId,
  role,
  name: userId,
  timeZone: 'UTC',
  ...actorScopes(role, userId, team),
});

describe('authorization', () => {
  const rep = actor('rep', 'rep1');
  const manager = actor('manager', 'm1', ['rep1', 'rep2']);
  const leader = actor('leader', 'lead');
  const admin = actor('admin', 'adm');

  it('lets a rep read and change only their own records', () => {
    expect([canRead(rep, 'rep1'), canRead(rep, 'rep2'), canRead(rep, null)]).toEqual([
      true,
      false,
      false,
    ]);
    expect([canChange(rep, 'rep1'), canChange(rep, 'rep2')]).toEqual([true, false]);
  });

  it("lets a manager read and change their team's records and their own, not another team's", () => {
    expect(['m1', 'rep1', 'rep2', 'rep9'].map((o) => canRead(manager, o))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(['m1', 'rep1', 'rep9'].map((o) => canChange(manager, o))).toEqual([true, true, false]);
  });

  it('lets a leader read everything but change only their own records', () => {
    expect([canRead(leader, 'rep9'), canChange(leader, 'rep9'), canChange(leader, 'lead')]).toEqual(
      [true, false, true],
    );
  });

  it('lets an admin read and change everything', () => {
    expect([canRead(admin, 'rep9'), canChange(admin, 'rep9'), canChange(admin, null)]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('reports a record the actor cannot read as not found, and one it can only read as forbidden', () => {
    expect(() => assertCanChange(rep, 'Opportunity', 'x', 'rep2')).toThrow(NotFoundError);
    expect(() => assertCanChange(leader, 'Opportunity', 'x', 'rep2')).toThrow(ForbiddenError);
    expect(() => assertCanChange(manager, 'Opportunity', 'x', 'rep2')).not.toThrow();
  });
});
