import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { Id, IsoDate, IsoDateTime, NonBlank } from './common';
import { Organisation } from './organisation';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1, 'is required').max(1024),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const Me = z.object({
  user: z.object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: Role,
    managerId: Id.nullable(),
  }),
  organisation: Organisation,
  /** The server's today in the organisation's time zone, for the browser to check with. */
  today: IsoDate,
});
export type Me = z.infer<typeof Me>;

export const ApiTokenInput = z.object({
  name: NonBlank.max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type ApiTokenInput = z.infer<typeof ApiTokenInput>;

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

/** Returned once, at creation: the only time the secret is shown. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
