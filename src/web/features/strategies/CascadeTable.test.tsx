import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test-utils';
import { CascadeTable, UncoveredSegmentsAlert } from './CascadeTable';
import { makeStrategy, rita } from './strategy-fixtures';

function rowsOf(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent));
}

describe('CascadeTable', () => {
  it('keeps the columns summing for a rep who sees only their own row', () => {
    const full = makeStrategy();
    const strategy = makeStrategy({
      cascade: { ...full.cascade, reps: full.cascade.reps.filter((r) => r.repId === rita) },
    });
    renderWithProviders(<CascadeTable strategy={strategy} />);
    expect(rowsOf(screen.getByRole('table', { name: 'Targets by rep and segment' }))).toEqual([
      ['Rep', 'Segment A (60%)', 'Segment B (30%)no rep', 'Other (10%)no rep', 'Total'],
      ['Rita', '€400', '€0', '€0', '€400'],
      ['Other reps', '€200', '€0', '€0', '€200'],
      ['No rep', '€0', '€300', '€100', '€400'],
      ['Organisation', '€600', '€300', '€100', '€1,000'],
    ]);
  });

  it('shows no extra row when the reps carry the whole target', () => {
    const full = makeStrategy();
    const strategy = makeStrategy({
      cascade: {
        ...full.cascade,
        targetMinor: 600_00,
        segments: full.cascade.segments
          .slice(0, 1)
          .map((s) => ({ ...s, share: 1, targetMinor: 600_00 })),
        reps: full.cascade.reps.map((r) => ({ ...r, segments: r.segments.slice(0, 1) })),
        otherMinor: 0,
        uncoveredSegments: [],
        unassignedMinor: 0,
      },
    });
    renderWithProviders(
      <>
        <UncoveredSegmentsAlert strategy={strategy} />
        <CascadeTable strategy={strategy} />
      </>,
    );
    expect(rowsOf(screen.getByRole('table')).map((row) => row[0])).toEqual([
      'Rep',
      'Rita',
      'Sam',
      'Organisation',
    ]);
    expect(screen.queryByText('Uncovered segments')).toBeNull();
  });

  it('names the uncovered segment and what nobody carries of it', () => {
    renderWithProviders(<UncoveredSegmentsAlert strategy={makeStrategy()} />);
    expect(screen.getByRole('alert').textContent).toBe(
      `Uncovered segmentsSegment B has no rep: €300 is not carried by anyone. Assign a rep to it.`,
    );
  });
});
