import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyModulesCommands, moduleClosure } from '../../infra/constructs/node-modules';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('shipping packages beside a bundle (capture function: the npm Chromium)', () => {
  it('takes a package with every run-time dependency Node resolves to the top level', () => {
    const closure = moduleClosure(ROOT, ['@sparticuz/chromium']);
    expect(closure).toEqual(expect.arrayContaining(['@sparticuz/chromium', 'tar-fs', 'tar-stream', 'pump']));
    expect(closure).not.toContain('playwright-core');
    expect(moduleClosure(ROOT, ['playwright-core'])).toEqual(['playwright-core']); // no dependencies of its own
  });

  it('a package that is not installed fails synth with what to do', () => {
    expect(() => moduleClosure(ROOT, ['no-such-package-for-schoolwatch'])).toThrow(/Cannot ship "no-such-package-for-schoolwatch".*not installed.*Run npm ci/);
  });

  it('copies real files (node_modules may be a symlink) with paths quoted for bash', () => {
    const cmds = copyModulesCommands(ROOT, "/tmp/out dir/it's", ['playwright-core']);
    expect(cmds).toHaveLength(1);
    expect(cmds[0]).toMatch(/^mkdir -p '\/tmp\/out dir\/it'\\''s\/node_modules' && cp -R '\/[^']+\/node_modules\/playwright-core' '\/tmp\/out dir\/it'\\''s\/node_modules\/playwright-core'$/);
  });
});
