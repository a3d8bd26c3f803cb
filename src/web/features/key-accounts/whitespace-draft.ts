import type {
  KeyAccountWhitespace,
  WhitespaceInput,
} from '../../../schemas/key-accounts-whitespace';
import { minorToInputText, parseMoneyInput } from '../../components/money';

// The owner types each product's potential in whole units of the organisation's currency
// ('12 500' or '12500.50'); the API keeps integer minor units, so the text becomes minor units
// here, and only here. A blank potential is none.

export type WhitespaceDraft = Record<string, string>;

/** Only the entered potentials: a derived one stays derived unless the owner types a figure. */
export function whitespaceDraftOf(whitespace: KeyAccountWhitespace): WhitespaceDraft {
  return Object.fromEntries(
    whitespace.items.map((i) => [
      i.productId,
      minorToInputText(
        i.potentialBasis === 'entered' ? i.potentialMinor : null,
        whitespace.currency,
      ),
    ]),
  );
}

export type WhitespaceParse =
  { ok: true; input: WhitespaceInput } | { ok: false; errors: Record<string, string> };

/** The draft as the API's input, or the reason per product a potential cannot be read. */
export function whitespaceInputOf(draft: WhitespaceDraft, currency: string): WhitespaceParse {
  const potentials: WhitespaceInput['potentials'] = [];
  const errors: Record<string, string> = {};
  for (const [productId, text] of Object.entries(draft)) {
    const parsed = parseMoneyInput(text, currency);
    if (!parsed.ok) errors[productId] = parsed.reason;
    else if (parsed.amountMinor !== null)
      potentials.push({ productId, potentialMinor: parsed.amountMinor });
  }
  return Object.keys(errors).length > 0
    ? { ok: false, errors }
    : { ok: true, input: { potentials } };
}
