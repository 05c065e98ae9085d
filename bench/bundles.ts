import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { CAPTURE_SHIPPED_MODULES } from '../infra/capture-modules';

/** Where a bundle's bytes come from: a package (`undici`, `@scope/name`) or a source folder (`lib/score`). */
function origin(input: string): string {
  const nm = input.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = input.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return input.split('/').slice(0, 2).join('/');
}

/**
 * Bundles each Lambda entry point the way the stack does (ESM, minified, AWS SDK external) and reports its size
 * and its three largest contributors. The capture function ships Chromium and playwright-core beside its bundle
 * (infra/capture-modules.ts), so they are external here too.
 */
export async function benchBundles() {
  const entries = readdirSync('functions').filter((f) => f.endsWith('.ts') && f !== 'runtime.ts');
  const out: { fn: string; bytes: number; largest: { origin: string; bytes: number }[] }[] = [];
  for (const file of entries) {
    const res = await build({
      entryPoints: [`functions/${file}`],
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      external: ['@aws-sdk/*', ...(file === 'capture.ts' ? CAPTURE_SHIPPED_MODULES : [])],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const byOrigin = new Map<string, number>();
    for (const output of Object.values(res.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) byOrigin.set(origin(input), (byOrigin.get(origin(input)) ?? 0) + bytesInOutput);
    }
    const largest = [...byOrigin].map(([o, bytes]) => ({ origin: o, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 3);
    out.push({ fn: file.replace(/\.ts$/, ''), bytes: res.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0), largest });
  }
  return out;
}
