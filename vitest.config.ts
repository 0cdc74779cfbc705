import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    // The server tests start real processes and SMTP servers; two cores, two workers.
    maxWorkers: 2,
  },
});
