import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test-utils';
import { ListPagination, describeTotal } from './ListPagination';

describe('ListPagination', () => {
  it('says an exact total as it is and an estimated one as "about"', () => {
    expect(describeTotal(120, false)).toBe('120');
    expect(describeTotal(1_234_567, true)).toBe('about 1.2M');
    expect(describeTotal(10_517, true)).toBe('about 10.5K');
  });

  it('shows the range of an estimated list as about its size', () => {
    renderWithProviders(
      <ListPagination
        page={2}
        pageSize={25}
        total={1_234_567}
        isEstimate
        onPageChange={() => undefined}
        noun="activities"
      />,
    );
    expect(screen.getByText('26–50 of about 1.2M activities').textContent).toBe(
      '26–50 of about 1.2M activities',
    );
  });

  it('shows an exact total exactly', () => {
    renderWithProviders(
      <ListPagination
        page={1}
        pageSize={25}
        total={80}
        onPageChange={() => undefined}
        noun="accounts"
      />,
    );
    expect(screen.getByText('1–25 of 80 accounts').textContent).toBe('1–25 of 80 accounts');
  });
});
