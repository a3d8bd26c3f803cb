import { z } from 'zod';
import { IsoDateTime } from './common';
import { Password } from './users';

// Set-password links: an admin makes one for a user (shown once), the user opens it, sees whose
// account it is and chooses a password.

export const PasswordLinkUrl = z.object({
  /** The link, with its secret: whoever has it sets the password, once, until `expiresAt`. */
  url: z.url(),
  expiresAt: IsoDateTime,
});
export type PasswordLinkUrl = z.infer<typeof PasswordLinkUrl>;

export const PASSWORD_LINK_PATH = '/set-password';

export const PasswordLinkParams = z.object({
  token: z.string().regex(/^pwl_[A-Za-z0-9_-]{43}$/, 'is not a set-password link'),
});

export const PasswordLinkView = z.object({
  email: z.string(),
  name: z.string(),
  expiresAt: IsoDateTime,
});
export type PasswordLinkView = z.infer<typeof PasswordLinkView>;

export const NewPassword = z.object({ password: Password });
export type NewPassword = z.infer<typeof NewPassword>;
