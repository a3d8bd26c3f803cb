import type { StandingBand } from '../../../domain/standing';

// The colour of a verdict (standing.ts), the same on every page: behind in dark red, slightly
// behind in dark gray, on track unmarked; every one is AA on white and the words carry the meaning.
export const STANDING_COLOURS: Record<StandingBand, string | undefined> = {
  on_track: undefined,
  slightly_behind: 'gray.8',
  behind: 'red.9',
};
