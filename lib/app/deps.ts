import type { Mailer } from '../digest/types';
import type { WebhookPoster } from '../feeds/post';
import type { FeedFetcher } from '../feeds/types';
import type { EvidenceStore } from '../evidence/evidence-store';
import type { GiasIndex } from '../gias/types';
import type { Store } from '../store';
import type { CaptureQueue } from './capture-mention';

/** Structured log lines; Powertools' Logger in Lambda, a console logger locally. */
export interface Logger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export interface AppSettings {
  mailFrom: string;
  /** Base of links in digests, e.g. http://localhost:3000. */
  webBaseUrl?: string;
  pollIntervalMinutes: number;
}

/** What the use cases need; every caller (CLI, web, scheduler, Lambda) builds one and passes it in. */
export interface AppDeps {
  store: Store;
  fetcher: FeedFetcher;
  mailer: Mailer;
  /** Posts urgent alerts to a trust's webhook (guarded like the fetcher); without it only the email goes. */
  poster?: WebhookPoster;
  settings: AppSettings;
  clock: () => Date;
  newId: () => string;
  log: Logger;
  /** The evidence bucket (page captures): purge, export and erase cover it when present. */
  evidence?: EvidenceStore;
  /** Where newly stored flagged mentions go for a page capture. */
  captureQueue?: CaptureQueue;
  /** The GIAS register (school details by URN), loaded lazily on first lookup; without it, adding a school by URN says how to import one. */
  gias?: GiasIndex;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export const consoleLogger = (prefix = 'schoolwatch'): Logger => ({
  info: (m, e) => console.log(`[${prefix}] ${m}${e ? ` ${JSON.stringify(e)}` : ''}`),
  warn: (m, e) => console.warn(`[${prefix}] warning: ${m}${e ? ` ${JSON.stringify(e)}` : ''}`),
  error: (m, e) => console.error(`[${prefix}] error: ${m}${e ? ` ${JSON.stringify(e)}` : ''}`),
});
