import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startBanner } from '../../lib/local/banner';

describe('the start banner', () => {
  const sample = { webUrl: 'http://localhost:3000', mailViewerUrl: 'http://127.0.0.1:8005/', dynamoEndpoint: 'http://127.0.0.1:8004', sesEndpoint: 'http://127.0.0.1:8005', s3Endpoint: 'http://127.0.0.1:8007' };

  it('is the one the README shows', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const shown = /<!-- start-banner:start -->\n```\n([\s\S]*?)\n```\n<!-- start-banner:end -->/.exec(readme)![1];
    expect(shown).toBe(startBanner(sample, { DATA_DIR: '.schoolwatch', FEED_ALLOW_HOSTS: [] }));
  });

  it('lists FEED_ALLOW_HOSTS in the CLI line, with the demo feeds when running the demo', () => {
    const banner = startBanner(
      { ...sample, demoFeedHost: '127.0.0.1:8006', demoUsers: { password: 'demo-abc', users: [{ email: 'admin@fenland-trust.example', role: 'admin' }] } },
      { DATA_DIR: '.schoolwatch', FEED_ALLOW_HOSTS: ['127.0.0.1:9000'] },
    );
    expect(banner).toContain('FEED_ALLOW_HOSTS=127.0.0.1:9000,127.0.0.1:8006 npm run -s cli -- --help');
    expect(banner).toContain('Demo sign-in (password for this run, made up at start and stored only as a hash: demo-abc)');
  });
});
