import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Timeouts catch hangs, not slowness: on a loaded two-core CI machine a CDK synth in a hook or a demo seeding
    // with password hashing took over 30 s and 20 s (the clean-clone run of 2026-12-02 10:30, 2001 passed, 2 failed).
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: {
      CDK_VALIDATION: 'false',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'eu-west-2',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  },
});
