import { defineConfig } from 'vitest/config';

// Unit and integration tests run in plain Node. Integration tests start real servers
// (MariaDB, Redis, the headless host) through tests/helpers and may take seconds each.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: keep parallelism modest so timing-sensitive integration tests stay stable.
    maxWorkers: 2,
  },
});
