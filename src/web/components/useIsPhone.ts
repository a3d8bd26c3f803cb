import { em, type MantineBreakpoint, px, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * Whether the screen is narrower than one of Mantine's breakpoints. Read on the first render,
 * not in an effect, so a phone never flashes the desktop layout first.
 */
export function useIsBelow(breakpoint: MantineBreakpoint): boolean {
  const theme = useMantineTheme();
  const query = `(max-width: ${em(Number(px(theme.breakpoints[breakpoint])) - 1)})`;
  return useMediaQuery(query, false, { getInitialValueInEffect: false });
}

/** A phone held upright (below `sm`): lists turn into cards and filters fold away. */
export function useIsPhone(): boolean {
  return useIsBelow('sm');
}
