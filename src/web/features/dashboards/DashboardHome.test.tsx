import { screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../schemas/session';
import { commonHandlers, me, mockApi, renderWithProviders } from '../../test-utils';
import { DashboardHome } from './DashboardHome';

function Landed() {
  return <p>Landed on {useLocation().pathname}</p>;
}

describe('DashboardHome', () => {
  it.each<[Role, string]>([
    ['rep', '/dashboards/rep'],
    ['manager', '/dashboards/team'],
    ['leader', '/dashboards/organisation'],
    ['admin', '/dashboards/organisation'],
  ])("sends a %s from the home page to their role's dashboard", async (role, path) => {
    mockApi({
      ...commonHandlers,
      'GET /api/me': () => ({ body: { ...me, user: { ...me.user, role } } }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/" element={<DashboardHome />} />
        <Route path="/dashboards/*" element={<Landed />} />
      </Routes>,
    );
    expect(await screen.findByText(`Landed on ${path}`)).toBeTruthy();
  });
});
