import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['src/web/**', 'node_modules/**'],
          setupFiles: [
            './src/test-setup/fail-on-console-error.ts',
            './src/test-setup/query-log-check.ts',
          ],
          globalSetup: ['./src/test-setup/database-templates.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/web/**/*.test.{ts,tsx}'],
          setupFiles: ['./src/test-setup/fail-on-console-error.ts', './src/web/test-setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
