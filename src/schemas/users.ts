import { z } from 'zod';
import { Id, IsoDateTime, NonBlank, PageQuery } from './common';
import { Role } from './session';

export const PASSWORD_MIN_LENGTH = 10;
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1024);

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  managerId: Id.nullable(),
  managerName: z.string().nullable(),
  territoryId: Id.nullable(),
  isActive: z.boolean(),
  canSignIn: z.boolean(),
  createdAt: IsoDateTime,
  /** Send it back as If-Match when changing the user. */
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export const UserInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: NonBlank.max(200),
  role: Role,
  managerId: Id.nullable().optional(),
  territoryId: Id.nullable().optional(),
  password: Password.optional(),
});
export type UserInput = z.infer<typeof UserInput>;

export const UserPatch = UserInput.partial().extend({ isActive: z.boolean().optional() });
export type UserPatch = z.infer<typeof UserPatch>;

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().optional(),
  role: Role.optional(),
  sort: z.enum(['name', 'email', 'role', 'createdAt']).default('name'),
});
export type UserListQuery = z.infer<typeof UserListQuery>;
