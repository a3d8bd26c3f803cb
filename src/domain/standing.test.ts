import { describe, expect, it } from 'vitest';
import {
  BEHIND_BELOW,
  STANDING_BANDS,
  STANDING_RULE,
  STANDING_WORDS,
  standingOf,
} from './standing';

describe('standingOf', () => {
  it('is on track from 100% of what was due, slightly behind from 80%, behind under 80%', () => {
    // Due 1000: 1000 and above on track, 800–999 slightly behind, 799 and below behind.
    expect(standingOf(1200, 1000)).toBe('on_track');
    expect(standingOf(1000, 1000)).toBe('on_track');
    expect(standingOf(999, 1000)).toBe('slightly_behind');
    expect(standingOf(805, 1000)).toBe('slightly_behind');
    expect(standingOf(800, 1000)).toBe('slightly_behind');
    expect(standingOf(799, 1000)).toBe('behind');
    expect(standingOf(0, 1000)).toBe('behind');
  });

  it('puts exactly 80% in the slightly behind band, though 0.8 is not exact in floating point', () => {
    // 4 of 5 activities, and 56 of 70: both exactly 80%.
    expect(standingOf(4, 5)).toBe('slightly_behind');
    expect(standingOf(56, 70)).toBe('slightly_behind');
    expect(standingOf(3, 5)).toBe('behind');
    expect(BEHIND_BELOW).toBe(4 / 5);
  });

  it('gives no verdict when nothing is due yet', () => {
    expect(standingOf(0, 0)).toBeNull();
    expect(standingOf(500, 0)).toBeNull();
  });
});

describe('STANDING_WORDS', () => {
  it('has words for every band of every figure, and the rule names both edges', () => {
    for (const words of Object.values(STANDING_WORDS))
      expect(Object.keys(words).sort()).toEqual([...STANDING_BANDS].sort());
    expect(STANDING_WORDS.attainment.behind).toBe('Behind target');
    expect(STANDING_WORDS.activity.slightly_behind).toBe('Slightly behind on activity');
    expect(STANDING_RULE).toContain('100%');
    expect(STANDING_RULE).toContain('80%');
  });
});
