import { defineConfig } from 'vitest/config';

// Browser journeys in Debian's Chromium through playwright-core; one at a time.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    env: { TZ: 'UTC' },
    globalSetup: ['test/support/global-setup.ts'],
  },
});
