// A set-password link (an admin hands it to a new user, or to one who forgot their password)
// works once, for a week: long enough to reach someone on leave, short enough that a link
// forwarded or left in a mailbox stops opening the account.

export const PASSWORD_LINK_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export function passwordLinkExpiresAt(now: Date): Date {
  return new Date(now.getTime() + PASSWORD_LINK_DAYS * DAY_MS);
}

export function isPasswordLinkLive(expiresAt: Date, now: Date): boolean {
  return now.getTime() < expiresAt.getTime();
}
