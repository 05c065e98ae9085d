/** The store could not complete a call; `cause` holds the SDK error. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

export function isConditionalCheckFailed(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}
