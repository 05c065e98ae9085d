import { lookup } from 'node:dns/promises';
import { FeedError } from './errors';

/**
 * Whether this machine can resolve names at all. A feed whose host "could not be found" is usually a typo,
 * but offline every name fails the same way; one lookup of a name that always exists tells them apart.
 */
export async function canResolveNames(probeHost = 'example.com', timeoutMs = 3000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      lookup(probeHost).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A "host not found" error restated when the network itself is unreachable, so a person offline is not
 * told to check the spelling of a correct address. Other errors pass through unchanged.
 */
export async function explainNetworkError(err: FeedError, reachable: () => Promise<boolean> = () => canResolveNames()): Promise<FeedError> {
  const code = (err.cause as { code?: unknown } | undefined)?.code;
  if (err.code !== 'network' || (code !== 'ENOTFOUND' && code !== 'EAI_AGAIN')) return err;
  if (await reachable()) return err;
  const url = err.details.url ?? 'the feed';
  return new FeedError(
    'network',
    `Could not reach ${url}: this computer cannot reach the internet right now (no name can be looked up, not only this one). Check the network connection and try again; the address itself may be fine.`,
    err.details,
    { cause: err },
  );
}
