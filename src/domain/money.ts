import { ValidationError } from './errors';

/** An amount in integer minor units (cents) with its ISO 4217 currency code. */
export type Money = { amountMinor: number; currency: string };

// Non-integer weights are scaled so the largest becomes 10^15 (still a safe integer) and rounded:
// the split then runs in exact integer arithmetic, so ties are real ties broken by index.
const WEIGHT_SCALE = 1e15;

function assertSafeInteger(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new ValidationError({
      field,
      reason: `must be a whole number of minor units, got ${value}`,
    });
  }
}

/** Weights as exact integers (integer weights as they are, others scaled); negative ones refused. */
export function toExactWeights(weights: readonly number[]): bigint[] {
  weights.forEach((weight, index) => {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new ValidationError({
        field: `weights[${index}]`,
        reason: `must be a finite number of at least 0, got ${weight}`,
      });
    }
  });
  if (weights.every((weight) => Number.isSafeInteger(weight))) return weights.map(BigInt);
  const largest = Math.max(...weights);
  return weights.map((weight) => BigInt(Math.round((weight / largest) * WEIGHT_SCALE)));
}

/**
 * Splits a whole amount into parts proportional to the weights; the parts always sum exactly to
 * the whole. Each part is the floor of its exact share; the units left over go one each to the
 * largest remainders, ties to the lower index. Zero weights get 0; negative weights, or only zero
 * weights for a non-zero total, are a ValidationError (pass equal weights for an even split).
 */
export function splitByLargestRemainder(totalMinor: number, weights: readonly number[]): number[] {
  assertSafeInteger(totalMinor, 'totalMinor');
  const exact = toExactWeights(weights);
  const weightSum = exact.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) {
    if (totalMinor === 0) return weights.map(() => 0);
    throw new ValidationError({ field: 'weights', reason: 'need at least one weight above 0' });
  }
  // A negative whole is split as its absolute value, then every part negated.
  const sign = totalMinor < 0 ? -1n : 1n;
  const total = BigInt(totalMinor) * sign;
  const floors = exact.map((weight) => (total * weight) / weightSum);
  const remainders = exact.map((weight) => (total * weight) % weightSum);
  let leftOver = total - floors.reduce((sum, part) => sum + part, 0n);
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (const { index } of order) {
    if (leftOver === 0n) break;
    floors[index] = (floors[index] ?? 0n) + 1n;
    leftOver -= 1n;
  }
  return floors.map((part) => Number(part * sign));
}

/** Sums amounts in minor units, refusing a total beyond the safe-integer range. */
export function sumMinor(amounts: readonly number[]): number {
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  assertSafeInteger(total, 'total');
  return total;
}

/** Sums money in one currency; a different currency in the list is a ValidationError. */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  amounts.forEach((money, index) => {
    if (money.currency !== currency) {
      throw new ValidationError({
        field: `amounts[${index}].currency`,
        reason: `is ${money.currency}, expected ${currency}`,
      });
    }
  });
  return { amountMinor: sumMinor(amounts.map((money) => money.amountMinor)), currency };
}

/**
 * Reads a decimal amount in major units ('1234.5', '-20', '1,234.56' is refused) into minor
 * units without floating-point multiplication: '0.29' gives exactly 29.
 */
export function majorToMinor(text: string, fractionDigits = 2, field = 'amount'): number {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) {
    throw new ValidationError({ field, reason: `"${text}" is not a decimal amount like 1234.56` });
  }
  const [, sign = '', whole = '0', fraction = ''] = match;
  if (fraction.length > fractionDigits) {
    throw new ValidationError({
      field,
      reason: `"${text}" has more than ${fractionDigits} decimal places`,
    });
  }
  const digits = `${whole}${fraction.padEnd(fractionDigits, '0')}`;
  const minor = Number(digits) * (sign === '-' ? -1 : 1);
  if (!Number.isSafeInteger(minor)) {
    throw new ValidationError({ field, reason: `"${text}" is too large` });
  }
  return minor === 0 ? 0 : minor;
}

/** Writes minor units as a plain major-unit decimal string: 123456 → '1234.56'. */
export function minorToMajor(amountMinor: number, fractionDigits = 2): string {
  assertSafeInteger(amountMinor, 'amountMinor');
  const sign = amountMinor < 0 ? '-' : '';
  const digits = String(Math.abs(amountMinor)).padStart(fractionDigits + 1, '0');
  if (fractionDigits === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -fractionDigits)}.${digits.slice(-fractionDigits)}`;
}
