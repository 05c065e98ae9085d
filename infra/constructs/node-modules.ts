import { existsSync, readFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';

/** Single-quoted for bash (paths with spaces or quotes survive). */
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Node's lookup from `fromDir` upwards: the first `node_modules/<name>` that exists, up to the project root. */
function resolveFrom(projectRoot: string, fromDir: string, name: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.resolve(dir) === path.resolve(projectRoot)) return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * The top-level packages (under `<projectRoot>/node_modules`) that `names` need at run time: the packages
 * themselves and every dependency Node would resolve to the top level. Dependencies nested inside a package's
 * own node_modules travel with that package's directory. A missing optional dependency (another platform's
 * build) is skipped; a missing required one fails synth, naming it.
 */
export function moduleClosure(projectRoot: string, names: readonly string[]): string[] {
  const top = path.join(projectRoot, 'node_modules');
  const shipped = new Set<string>();
  const visited = new Set<string>();
  const visit = (name: string, fromDir: string, optional: boolean) => {
    const dir = resolveFrom(projectRoot, fromDir, name);
    if (!dir) {
      if (optional) return;
      throw new Error(`Cannot ship "${name}" with the function: it is not installed under ${top}. Run npm ci, then synth again.`);
    }
    if (visited.has(dir)) return;
    visited.add(dir);
    // A copy nested in another package's node_modules travels with that package's directory; its own
    // dependencies may still resolve to the top level, so they are visited either way.
    const nested = path.relative(top, dir).split(path.sep).slice(0, -1).includes('node_modules');
    if (!nested) shipped.add(name);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const name of names) visit(name, projectRoot, false);
  return [...shipped].sort();
}

/**
 * Shell commands (NodejsFunction `commandHooks.afterBundling`) that copy `names` and their run-time closure
 * from the project's node_modules into the asset's node_modules, so Node resolves them next to index.mjs.
 * Used instead of the bundling option `nodeModules`, which runs `npm ci` in the asset directory: that needs the
 * npm registry, and `npm run synth` must work offline. The copy is of exactly what `npm ci` installed here.
 */
export function copyModulesCommands(projectRoot: string, outputDir: string, names: readonly string[]): string[] {
  return moduleClosure(projectRoot, names).map((name) => {
    // realpath: node_modules may be a symlink (a shared install); copy the files, not the link.
    const src = realpathSync(path.join(projectRoot, 'node_modules', name));
    const dest = path.join(outputDir, 'node_modules', name);
    return `mkdir -p ${quote(path.dirname(dest))} && cp -R ${quote(src)} ${quote(dest)}`;
  });
}
