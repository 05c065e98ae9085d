import { build } from 'esbuild';
import { readdirSync } from 'node:fs';

/** Bundles each Lambda entry point the way the stack does (ESM, minified, AWS SDK external) and reports its size. */
export async function benchBundles() {
  const entries = readdirSync('functions').filter((f) => f.endsWith('.ts') && f !== 'runtime.ts');
  const out: { fn: string; bytes: number }[] = [];
  for (const file of entries) {
    const res = await build({
      entryPoints: [`functions/${file}`],
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      external: ['@aws-sdk/*'],
      write: false,
      logLevel: 'silent',
    });
    out.push({ fn: file.replace(/\.ts$/, ''), bytes: res.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0) });
  }
  return out;
}
