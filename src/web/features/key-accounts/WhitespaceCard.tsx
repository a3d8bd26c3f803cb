import { useState } from 'react';
import { Alert, Button, Card, Group, Skeleton, Table, Text, TextInput, Title } from '@mantine/core';
import { describeUnconverted } from '../../../domain/exchange-rates';
import { errorMessage } from '../../api/client';
import { formatWholeMoney, minorToInputText } from '../../components/money';
import { useKeyAccountWhitespace, useSaveKeyAccountWhitespace } from './useKeyAccountWhitespace';
import { type WhitespaceDraft, whitespaceDraftOf, whitespaceInputOf } from './whitespace-draft';

// Whitespace on the key-account plan: per product the potential, won in the last 12 months, the
// open pipeline and the gap, the largest gap first, so the plan aims at the gaps. The owner
// enters the potentials in whole units of the organisation's currency; a product without one is
// estimated from the account's annual revenue × the product's typical share, and says so. It
// prints with the plan.

const TITLE = 'Whitespace';

/** A typical share in basis points as a percentage: 200 → '2%', 125 → '1.25%'. */
function shareText(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString('en', { maximumFractionDigits: 2 })}%`;
}

/** How a derived potential was reached, in words: the annual revenue × the typical share. */
export function derivedPotentialText(
  potentialMinor: number,
  typicalShareBp: number,
  currency: string,
): string {
  return `estimated: ${formatWholeMoney(potentialMinor, currency)} = annual revenue × ${shareText(typicalShareBp)} typical share`;
}

export function WhitespaceCard({ accountId }: { accountId: string }) {
  const whitespace = useKeyAccountWhitespace(accountId);
  const save = useSaveKeyAccountWhitespace(accountId);
  const [draft, setDraft] = useState<WhitespaceDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const data = whitespace.data;
  const body = (() => {
    if (whitespace.isPending) return <Skeleton height={80} />;
    if (whitespace.isError || !data)
      return (
        <Alert color="red" role="alert">
          {errorMessage(whitespace.error)}
        </Alert>
      );
    if (data.items.length === 0)
      return (
        <Text size="sm" c="gray.7">
          No products yet: whitespace is measured per product.
        </Text>
      );
    const money = (minor: number | null) =>
      minor === null ? '—' : formatWholeMoney(minor, data.currency);
    const derivedText = (item: (typeof data.items)[number]) =>
      item.potentialBasis === 'derived' &&
      item.potentialMinor !== null &&
      item.typicalShareBp !== null
        ? derivedPotentialText(item.potentialMinor, item.typicalShareBp, data.currency)
        : null;
    const submit = () => {
      if (!draft) return;
      const parsed = whitespaceInputOf(draft, data.currency);
      if (!parsed.ok) return setErrors(parsed.errors);
      setErrors({});
      save.mutate(
        { version: data.version, input: parsed.input },
        { onSuccess: () => setDraft(null) },
      );
    };
    return (
      <>
        <Text size="sm" c="gray.7" mb="xs">
          Gap = potential − won − open pipeline, not below 0; won over the 12 months to {data.today}
          , in {data.currency}. A potential not entered is estimated as the account’s annual revenue
          {data.annualRevenueMinor === null
            ? ' (not known)'
            : ` (${money(data.annualRevenueMinor)})`}{' '}
          × the product’s typical share.
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Product</Table.Th>
                <Table.Th ta="right">Potential</Table.Th>
                <Table.Th ta="right">Won 12 months</Table.Th>
                <Table.Th ta="right">Open pipeline</Table.Th>
                <Table.Th ta="right">Gap</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <Table.Tr key={item.productId}>
                  <Table.Td>{item.productName}</Table.Td>
                  <Table.Td ta="right">
                    {draft ? (
                      <TextInput
                        aria-label={`Potential of ${item.productName} (${data.currency})`}
                        value={draft[item.productId] ?? ''}
                        error={errors[item.productId]}
                        inputMode="decimal"
                        placeholder={
                          item.potentialBasis === 'derived' && item.potentialMinor !== null
                            ? `est. ${minorToInputText(item.potentialMinor, data.currency)}`
                            : undefined
                        }
                        description={derivedText(item) ?? undefined}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setDraft((d) => ({ ...(d ?? {}), [item.productId]: value }));
                        }}
                        w={160}
                        ml="auto"
                      />
                    ) : (
                      <>
                        {money(item.potentialMinor)}
                        {derivedText(item) && (
                          <Text size="xs" c="gray.7">
                            {derivedText(item)}
                          </Text>
                        )}
                      </>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{money(item.wonMinor)}</Table.Td>
                  <Table.Td ta="right">{money(item.openMinor)}</Table.Td>
                  <Table.Td ta="right" fw={item.gapMinor > 0 ? 700 : undefined}>
                    {money(item.gapMinor)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>Total</Table.Th>
                <Table.Th ta="right">{money(data.totals.potentialMinor)}</Table.Th>
                <Table.Th ta="right">{money(data.totals.wonMinor)}</Table.Th>
                <Table.Th ta="right">{money(data.totals.openMinor)}</Table.Th>
                <Table.Th ta="right">{money(data.totals.gapMinor)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        {describeUnconverted(data.unconverted).map((line) => (
          // Bold, not orange, as the dashboards' note (Mantine's orange is below AA on white).
          <Text key={line} size="sm" fw={600} mt="xs">
            Not counted in won and open pipeline: {line}
          </Text>
        ))}
        {save.error && (
          <Alert color="red" role="alert" mt="sm">
            {errorMessage(save.error)}
          </Alert>
        )}
        {data.canEdit && (
          <Group className="no-print" mt="sm">
            {draft ? (
              <>
                <Button loading={save.isPending} onClick={submit}>
                  Save potentials
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    setDraft(null);
                    setErrors({});
                    save.reset();
                  }}
                >
                  Cancel
                </Button>
              </>
            ) : (
              <Button variant="default" onClick={() => setDraft(whitespaceDraftOf(data))}>
                Enter potentials
              </Button>
            )}
          </Group>
        )}
      </>
    );
  })();
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-label={TITLE}
      className="key-account-plan-card"
    >
      <Title order={2} size="h4" mb="sm">
        {TITLE}
      </Title>
      {body}
    </Card>
  );
}
