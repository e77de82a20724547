import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@aim/source'] },
  test: {
    name: 'db',
    environment: 'node',
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
