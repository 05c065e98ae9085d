import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface LockInfo {
  pid: number;
  command: string;
  startedAt: string;
  dynamodbEndpoint?: string;
  sesEndpoint?: string;
  webUrl?: string;
}

/** Another live process owns the data folder (dynalite allows one process per folder). */
export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    const reach = holder.dynamodbEndpoint
      ? `\nTo use it from the CLI, run: DYNAMODB_ENDPOINT=${holder.dynamodbEndpoint}${holder.sesEndpoint ? ` SES_ENDPOINT=${holder.sesEndpoint}` : ''} npm run -s cli -- …`
      : '';
    super(
      `The data folder ${dataDir} is in use by "${holder.command}" (pid ${holder.pid}, since ${holder.startedAt}).` +
        `${reach}\nOr stop that process, or choose another folder with DATA_DIR=…`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process holding the folder's lock (e.g. a running `npm start`, with its endpoints), if any. */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  try {
    const holder = JSON.parse(readFileSync(join(resolve(dataDir), 'schoolwatch.lock'), 'utf8')) as LockInfo;
    return typeof holder.pid === 'number' && alive(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the folder's lock file, replacing a stale one left by a process that died. */
export function acquireDataDirLock(dataDir: string, info: Omit<LockInfo, 'pid' | 'startedAt'>) {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'schoolwatch.lock');
  let current: LockInfo = { ...info, pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(current), { flag: 'wx' });
      return {
        update(extra: Partial<LockInfo>) {
          current = { ...current, ...extra };
          writeFileSync(file, JSON.stringify(current));
        },
        release() {
          rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockInfo | undefined;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
      } catch {
        holder = undefined;
      }
      if (holder && alive(holder.pid)) throw new DataDirBusyError(dir, holder);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock in ${dir}; remove ${file} if no Schoolwatch process is running.`);
}
