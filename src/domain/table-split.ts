import { toExactWeights, splitByLargestRemainder } from './money';

// Splitting several column totals (segment targets) across the same weighted rows (reps) so that
// both margins are exact: each column sums to its total, each row to its largest-remainder
// share of the grand total, and each cell is the floor or ceiling of its exact share. Such a
// rounding always exists (Bacharach, 1966); it is found as a flow over the fractional cells.

export type TableSplit = { rowTotals: number[]; cells: number[][] };

/** Splits each column total across rows by weight, with rows and columns both summing exactly. */
export function splitColumnsAcrossRows(
  columnTotals: readonly number[],
  rowWeights: readonly number[],
): TableSplit {
  const grandTotal = columnTotals.reduce((sum, total) => sum + total, 0);
  const rowTotals = splitByLargestRemainder(grandTotal, rowWeights);
  if (columnTotals.some((total) => total < 0)) {
    // Negative targets are not a planning case; split each column on its own.
    const columns = columnTotals.map((total) => splitByLargestRemainder(total, rowWeights));
    const cells = rowWeights.map((_, r) => columns.map((column) => column[r] ?? 0));
    return { rowTotals: cells.map((row) => row.reduce((sum, cell) => sum + cell, 0)), cells };
  }
  const weights = toExactWeights(rowWeights);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n)
    return { rowTotals, cells: rowWeights.map(() => columnTotals.map(() => 0)) };
  const floors = weights.map((w) => columnTotals.map((total) => (BigInt(total) * w) / weightSum));
  const remainders = weights.map((w) =>
    columnTotals.map((total) => (BigInt(total) * w) % weightSum),
  );
  const rowNeed = rowTotals.map((total, r) => total - sumRow(floors[r] ?? []));
  const columnNeed = columnTotals.map(
    (total, c) => total - floors.reduce((sum, row) => sum + Number(row[c] ?? 0n), 0),
  );
  const isRaised = floors.map((row) => row.map(() => false));
  const isFractional = (r: number, c: number) => (remainders[r]?.[c] ?? 0n) > 0n;
  // Largest remainders first, as in the one-dimensional split.
  const order = remainders
    .flatMap((row, r) => row.map((remainder, c) => ({ remainder, r, c })))
    .filter(({ remainder }) => remainder > 0n)
    .sort((a, b) =>
      a.remainder === b.remainder ? a.r - b.r || a.c - b.c : a.remainder > b.remainder ? -1 : 1,
    );
  const raise = (r: number, c: number, up: boolean) => {
    const row = isRaised[r];
    if (row) row[c] = up;
  };
  for (const { r, c } of order) {
    if ((rowNeed[r] ?? 0) > 0 && (columnNeed[c] ?? 0) > 0) {
      raise(r, c, true);
      rowNeed[r] = (rowNeed[r] ?? 0) - 1;
      columnNeed[c] = (columnNeed[c] ?? 0) - 1;
    }
  }
  // Greedy choices can block each other: move raised cells along augmenting paths until done.
  for (
    let start = rowNeed.findIndex((need) => need > 0);
    start >= 0;
    start = rowNeed.findIndex((need) => need > 0)
  ) {
    const path = findAugmentingPath(
      start,
      columnTotals.length,
      rowWeights.length,
      isFractional,
      isRaised,
      columnNeed,
    );
    if (!path) throw new Error('splitColumnsAcrossRows: no exact rounding found');
    path.forEach(({ r, c }, index) => raise(r, c, index % 2 === 0));
    rowNeed[start] = (rowNeed[start] ?? 0) - 1;
    const last = path[path.length - 1];
    if (last) columnNeed[last.c] = (columnNeed[last.c] ?? 0) - 1;
  }
  const cells = floors.map((row, r) =>
    row.map((floor, c) => Number(floor) + (isRaised[r]?.[c] ? 1 : 0)),
  );
  return { rowTotals, cells };
}

function sumRow(row: readonly bigint[]): number {
  return Number(row.reduce((sum, cell) => sum + cell, 0n));
}

// Breadth-first from a row that still needs a unit: row → column over a fractional cell not yet
// raised, column → row over a raised cell, until a column that still needs a unit. The path's
// cells alternate: raise, lower, raise, …
function findAugmentingPath(
  start: number,
  columnCount: number,
  rowCount: number,
  isFractional: (r: number, c: number) => boolean,
  isRaised: boolean[][],
  columnNeed: number[],
): { r: number; c: number }[] | null {
  const queue = [start];
  const seenRows = new Set([start]);
  const columnParent = new Map<number, number>();
  const rowParent = new Map<number, number>();
  while (queue.length > 0) {
    const r = queue.shift() ?? 0;
    for (let c = 0; c < columnCount; c += 1) {
      if (columnParent.has(c) || !isFractional(r, c) || isRaised[r]?.[c]) continue;
      columnParent.set(c, r);
      if ((columnNeed[c] ?? 0) > 0) return tracePath(c, columnParent, rowParent);
      for (let next = 0; next < rowCount; next += 1) {
        if (!seenRows.has(next) && isRaised[next]?.[c]) {
          seenRows.add(next);
          rowParent.set(next, c);
          queue.push(next);
        }
      }
    }
  }
  return null;
}

function tracePath(
  endColumn: number,
  columnParent: Map<number, number>,
  rowParent: Map<number, number>,
): { r: number; c: number }[] {
  const path: { r: number; c: number }[] = [];
  let c: number | undefined = endColumn;
  while (c !== undefined) {
    const r: number = columnParent.get(c) ?? 0;
    path.unshift({ r, c });
    const previousColumn = rowParent.get(r);
    if (previousColumn !== undefined) path.unshift({ r, c: previousColumn });
    c = previousColumn;
  }
  return path;
}
