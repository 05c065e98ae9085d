import { describe, expect, it } from 'vitest';
import { webDepsFromEnv } from '../../lib/app/build-web-deps';
import { loadEnv } from '../../lib/config/env';

// Found when "Add from URN" landed: the stack gave the web function GIAS_BUCKET and read access, but the web
// Lambda never passed a GIAS index to the app, so in AWS the page always said no GIAS data was loaded.
describe('the web Lambda gets what the stack connects', () => {
  const parts = { store: {} as never, auth: {} as never, log: { info() {}, warn() {}, error() {} } };
  const env = (extra: Record<string, string>) => loadEnv({ TABLE_NAME: 'schoolwatch', AWS_REGION: 'eu-west-2', ...extra } as NodeJS.ProcessEnv);

  it('a GIAS index when GIAS_BUCKET is set, none otherwise', () => {
    expect(webDepsFromEnv(env({ GIAS_BUCKET: 'gias-bucket' }), parts).gias).toBeDefined();
    expect(webDepsFromEnv(env({}), parts).gias).toBeUndefined();
  });

  it('the evidence store when EVIDENCE_BUCKET is set', () => {
    expect(webDepsFromEnv(env({ EVIDENCE_BUCKET: 'evidence-bucket' }), parts).evidence).toBeDefined();
  });
});
