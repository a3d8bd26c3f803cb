import { currencyFractionDigits } from '../../components/money';

const compact = new Intl.NumberFormat(undefined, { notation: 'compact' });

/** An axis tick for minor units: a rounded major amount is enough to read the scale. */
export function moneyTick(currency: string) {
  const unit = 10 ** currencyFractionDigits(currency);
  return (minor: number) => compact.format(minor / unit);
}

// The series colours: dark enough against white for a 3:1 graphics contrast (WCAG 1.4.11).
export const SERIES = {
  target: 'var(--mantine-color-dark-6)',
  actual: 'var(--mantine-color-blue-8)',
  planned: 'var(--mantine-color-gray-6)',
  done: 'var(--mantine-color-blue-8)',
} as const;
