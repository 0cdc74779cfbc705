import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    // The server tests start real processes and SMTP servers; two cores, two workers.
    maxWorkers: 2,
    // Spawned servers and builds share two cores with everything else running; a slow start is
    // not a failure. Timing is measured in npm run bench, never asserted here.
    testTimeout: 30_000,
  },
});
