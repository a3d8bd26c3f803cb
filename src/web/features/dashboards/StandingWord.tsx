import { Text } from '@mantine/core';
import { STANDING_WORDS, type StandingFigure, standingOf } from '../../../domain/standing';
import { STANDING_COLOURS } from './standing-tone';

/** The verdict of a figure to date in words under it (standing.ts); nothing when nothing is due. */
export function StandingWord({
  won,
  due,
  figure = 'attainment',
}: {
  won: number;
  due: number;
  figure?: StandingFigure;
}) {
  const standing = standingOf(won, due);
  if (standing === null) return null;
  return (
    <Text span size="xs" fw={700} c={STANDING_COLOURS[standing]} display="block">
      {STANDING_WORDS[figure][standing]}
    </Text>
  );
}
