import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../schemas/session';
import { AppRoutes } from './App';
import { commonHandlers, me, mockApi, renderWithProviders } from './test-utils';

// The navigation shows a role only what it may use (issue #16, item 1).

async function navigationOf(role: Role) {
  mockApi({
    ...commonHandlers,
    'GET /api/me': () => ({ body: { ...me, user: { ...me.user, role } } }),
    'GET /api/accounts': () => ({ body: { items: [], total: 0 } }),
  });
  renderWithProviders(<AppRoutes />, { route: '/accounts' });
  const nav = await screen.findByRole('navigation');
  await within(nav).findByRole('link', { name: 'Accounts' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent?.trim());
}

describe('the navigation by role', () => {
  it('gives a rep their plan but no Team and no Import', async () => {
    const links = await navigationOf('rep');
    expect(links).toContain('My plan');
    expect(links).not.toContain('Team');
    expect(links).not.toContain('Import');
  });

  it('gives a manager their plan and their team', async () => {
    const links = await navigationOf('manager');
    expect(links).toEqual(expect.arrayContaining(['My plan', 'Team']));
    expect(links).not.toContain('Import');
  });

  it('gives a leader no My plan (no quota of their own), and Import', async () => {
    const links = await navigationOf('leader');
    expect(links).not.toContain('My plan');
    expect(links).toEqual(expect.arrayContaining(['Team', 'Strategy', 'Import']));
  });
});
