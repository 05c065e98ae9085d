/**
 * The one S3 object key of the GIAS index. Shared by the store (lib/gias/index-store.ts) and the stack's IAM grant
 * (infra/constructs/gias-data.ts), so renaming it cannot leave the grant pointing elsewhere. No SDK import here:
 * infra reads it at synth time.
 */
export const GIAS_INDEX_KEY = 'gias/index.jsonl.gz';
