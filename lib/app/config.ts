import { issuePath, issueSentence } from '../config/messages';
import { ConfigFile } from '../config/schema';
import { ItemTooLargeError, SchoolIdTakenError, schoolIdTakenMessage, urnConflictMessage, UrnTakenError, type ImportSummary } from '../store/config-store';
import type { AppDeps } from './deps';

const MAX_SHOWN = 25;

/** A configuration file that failed validation; nothing was written. */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';
  constructor(readonly problems: { path: string; message: string }[]) {
    // A file with thousands of bad entries would otherwise print thousands of lines: the first few say enough.
    const shown = problems.slice(0, MAX_SHOWN);
    const more = problems.length > MAX_SHOWN ? `\n  …and ${problems.length - MAX_SHOWN} more problems of the same kind` : '';
    super(
      `The configuration was rejected, nothing was saved:\n${shown.map((p) => `  ${p.path || '(top level)'}: ${p.message}`).join('\n')}${more}\n` +
        'Fix these fields and import the whole file again.',
    );
  }
}

/** Validates the whole file first, so a bad file writes nothing; then writes only what changed. */
export async function importConfig(deps: Pick<AppDeps, 'store'>, input: unknown): Promise<ImportSummary> {
  const parsed = ConfigFile.safeParse(input);
  if (!parsed.success) {
    throw new ConfigValidationError(parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: issueSentence(i, ConfigFile) })));
  }
  try {
    return await deps.store.config.importConfig(parsed.data);
  } catch (err) {
    if (err instanceof SchoolIdTakenError) {
      throw new ConfigValidationError(err.schoolIds.map((id) => ({ path: schoolPath(parsed.data, id, '.id'), message: schoolIdTakenMessage(id) })));
    }
    if (err instanceof UrnTakenError) {
      throw new ConfigValidationError(err.conflicts.map((c) => ({ path: schoolPath(parsed.data, c.schoolId, '.urn'), message: urnConflictMessage(c) })));
    }
    if (err instanceof ItemTooLargeError) throw new ConfigValidationError([{ path: err.what, message: err.message.replace(/^Nothing was saved: /, '') }]);
    throw err;
  }
}

/** `trusts[0].schools[3].id` for a school id of the file. */
function schoolPath(config: ConfigFile, schoolId: string, suffix = ''): string {
  for (const [ti, t] of config.trusts.entries()) {
    const si = t.schools.findIndex((s) => s.id === schoolId);
    if (si >= 0) return `trusts[${ti}].schools[${si}]${suffix}`;
  }
  return `school '${schoolId}'`;
}

export async function exportConfig(deps: Pick<AppDeps, 'store'>): Promise<ConfigFile> {
  return deps.store.config.exportConfig();
}
