import { issuePath, issueSentence } from '../config/messages';
import { ConfigFile } from '../config/schema';
import type { ImportSummary } from '../store/config-store';
import type { AppDeps } from './deps';

/** A configuration file that failed validation; nothing was written. */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';
  constructor(readonly problems: { path: string; message: string }[]) {
    super(
      `The configuration was rejected, nothing was saved:\n${problems.map((p) => `  ${p.path || '(top level)'}: ${p.message}`).join('\n')}\n` +
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
  return deps.store.config.importConfig(parsed.data);
}

export async function exportConfig(deps: Pick<AppDeps, 'store'>): Promise<ConfigFile> {
  return deps.store.config.exportConfig();
}
