import { type ReactNode, useState } from 'react';
import { Button, Stack, Table } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';

/**
 * A chart and the same figures as a table: the table is always there for screen readers (and
 * prints), and a button shows it on screen. The chart is one image with a name; the table is
 * what a reader without the picture reads.
 */
export function ChartWithTable({
  label,
  height = 240,
  chart,
  table,
}: {
  /** The chart's accessible name and the table's: "Won vs target per month". */
  label: string;
  height?: number;
  chart: (width: number, height: number) => ReactNode;
  table: ReactNode;
}) {
  const [isTableShown, setIsTableShown] = useState(false);
  // The chart follows its box's width; before the first measure (and in jsdom) it is 640 wide.
  const box = useElementSize();
  const width = box.width > 0 ? box.width : 640;
  return (
    <Stack gap={4} className="dashboard-chart">
      <div
        ref={box.ref}
        role="img"
        aria-label={`${label} (chart; the table below has the figures)`}
      >
        {chart(width, height)}
      </div>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setIsTableShown((shown) => !shown)}
        aria-expanded={isTableShown}
        className="no-print"
        style={{ alignSelf: 'flex-start' }}
      >
        {isTableShown ? 'Hide the table' : 'Show as a table'}
      </Button>
      <div
        className={
          isTableShown ? 'dashboard-chart-table' : 'dashboard-chart-table dashboard-visually-hidden'
        }
      >
        {isTableShown ? (
          <Table.ScrollContainer minWidth={360}>{table}</Table.ScrollContainer>
        ) : (
          table
        )}
      </div>
    </Stack>
  );
}

/** A chart's table: the label the chart carries, compact figures. */
export function ChartTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table aria-label={label} fz="sm" tabularNums striped>
      {children}
    </Table>
  );
}
