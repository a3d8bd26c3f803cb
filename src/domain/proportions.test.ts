import { describe, expect, it } from 'vitest';
import { parseRatio, twoProportionZ, wilsonInterval, Z_80 } from './proportions';

describe('proportions', () => {
  it('gives the Wilson 80% interval of a sample, and none without trials', () => {
    // 4 of 16: centre (0.25 + z²/32) / (1 + z²/16) = 0.2733, half-width 0.1341.
    expect(wilsonInterval(4, 16, Z_80)).toEqual({
      low: expect.closeTo(0.1391189697, 9),
      high: expect.closeTo(0.4074305186, 9),
    });
    expect(wilsonInterval(0, 5)?.low).toBe(0);
    expect(wilsonInterval(5, 5)?.high).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('gives the pooled two-proportion z, 0 when there is no variance', () => {
    expect(twoProportionZ(8, 10, 6, 20)).toBeCloseTo(2.5877458475, 9);
    expect(twoProportionZ(10, 10, 20, 20)).toBe(0);
    expect(twoProportionZ(1, 10, 0, 0)).toBe(0);
  });

  it('reads rates written as ratios or percentages', () => {
    expect(parseRatio('0.25')).toBe(0.25);
    expect(parseRatio('25%')).toBe(0.25);
    expect(parseRatio(' 100% ')).toBe(1);
    expect(() => parseRatio('1.5', '--win-rate')).toThrow('--win-rate: "1.5" is not a rate');
    expect(() => parseRatio('-0.1')).toThrow('ratio');
    expect(() => parseRatio('abc')).toThrow('ratio');
  });
});
