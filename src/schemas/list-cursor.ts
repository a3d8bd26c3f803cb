import { z } from 'zod';

// A list page's cursor (`nextCursor` in one answer, `?after=` in the next request): the last row's
// sort key and id, as base64url JSON, so a client passes it back without reading it.

export type ListCursorValue = { key: string; id: string };

export function encodeListCursor(cursor: ListCursorValue): string {
  const bytes = new TextEncoder().encode(JSON.stringify([cursor.key, cursor.id]));
  const text = btoa(String.fromCharCode(...bytes));
  return text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeListCursor(text: string): ListCursorValue | null {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (Array.isArray(value) && value.length === 2) {
      const [key, id] = value as unknown[];
      if (typeof key === 'string' && typeof id === 'string') return { key, id };
    }
  } catch {
    // Not base64 or not JSON: the same answer as a wrong shape.
  }
  return null;
}

/** `?after=`: the page starts after the row the cursor names (the page number is then ignored). */
export const ListCursor = z
  .string()
  .max(2_000)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a nextCursor from this list')
  .transform((text, context) => {
    const cursor = decodeListCursor(text);
    if (cursor) return cursor;
    context.addIssue({ code: 'custom', message: 'must be a nextCursor from this list' });
    return z.NEVER;
  });
