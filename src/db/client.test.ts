import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from './client';
import { createTestDatabase, testEngines } from '../test-setup/test-database';

describe('openPostgres', () => {
  it.skipIf(!testEngines().includes('postgres'))(
    'turns JIT compilation off for its connections',
    async () => {
      const handle = await createTestDatabase('postgres');
      try {
        const [row] = await queryRows<{ jit: string }>(
          handle.db,
          sql`select current_setting('jit') as jit`,
        );
        expect(row?.jit).toBe('off');
      } finally {
        await handle.close();
      }
    },
  );
});
