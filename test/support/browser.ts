import { serve, type ServerType } from '@hono/node-server';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../lib/browser/launch';
import { addUser } from '../../lib/app/users';
import { createLocalAuth } from '../../lib/auth/local-auth';
import type { Store } from '../../lib/store';
import type { Mention } from '../../lib/store/types';
import { createWebApp, type WebDeps } from '../../lib/web/app';
import { flaggedScore, mention, school } from './fixtures';

export const PASSWORD = 'correct horse battery staple';

export const USERS = {
  admin: 'admin@meridian.example',
  trust: 'central@meridian.example',
  head: 'head@northgate.example',
  otherHead: 'head@kestrel.example',
  otherTrust: 'central@harbour.example',
} as const;

/** Hostile feed content: markup, a javascript: link, a 300-char unbroken run and an RTL override. */
export const HOSTILE = {
  title: '<script>alert("x")</script> Northgate \u202Egnp.exe',
  text: `<img src=x onerror=alert(1)> threat at the gates ${'A'.repeat(300)} <a href="javascript:alert(1)">click</a> \u202Eevil`,
  url: 'javascript:alert(document.cookie)',
};

/**
 * Two trusts: meridian (northgate, kestrel) and harbour (seaview), mentions in each, and one user per role.
 * Mentions: northgate n1…n30 (30, alternating severities/families), kestrel k1, k2, seaview s1, plus a hostile
 * one at northgate (`hostile`).
 */
export async function seedWebFixture(store: Store): Promise<{ ids: Record<string, string> }> {
  await store.config.importConfig({
    trusts: [
      { id: 'meridian', name: 'Meridian Learning Trust', retentionMonths: 12, schools: [school({ id: 'northgate', name: 'Northgate Park Academy' }), school({ id: 'kestrel', name: 'Kestrel Primary', timezone: 'Europe/Dublin' })] },
      { id: 'harbour', name: 'Harbour Trust', retentionMonths: 12, schools: [school({ id: 'seaview', name: 'Seaview High' })] },
    ],
  });
  const put = (m: Mention) => store.mentions.record({ trustId: m.trustId, schoolId: m.schoolId, itemKey: m.itemKey, capturedAt: m.capturedAt, build: () => m });
  const sev = ['high', 'medium', 'low'] as const;
  const fam = ['abuse', 'confidential', 'reputation'] as const;
  for (let i = 1; i <= 30; i++) {
    const severity = sev[i % 3]!;
    const family = fam[i % 3]!;
    await put(
      mention({
        id: `n${i}`,
        schoolId: 'northgate',
        trustId: 'meridian',
        capturedAt: new Date(Date.UTC(2026, 2, 1, 8, 0) + i * 3600_000).toISOString(),
        title: `Northgate post ${i}${i === 7 ? ' about the Ofsted inspection' : ''}`,
        severity,
        families: [family],
        score: flaggedScore({ severity, families: [family], categories: [{ id: `${family}.thing`, family, label: `${family} label`, policyClause: `Clause for ${family}`, severity, reason: 'because' }] }),
      }),
    );
  }
  await put(mention({ id: 'k1', schoolId: 'kestrel', trustId: 'meridian', capturedAt: '2026-03-05T09:00:00.000Z', title: 'Kestrel parents complain' }));
  await put(mention({ id: 'k2', schoolId: 'kestrel', trustId: 'meridian', capturedAt: '2026-03-06T09:00:00.000Z', title: 'Kestrel fine', severity: 'low' }));
  await put(mention({ id: 's1', schoolId: 'seaview', trustId: 'harbour', capturedAt: '2026-03-05T10:00:00.000Z', title: 'Seaview secret', text: 'wait, seaview confidential matter' }));
  await put(
    mention({
      id: 'hostile',
      schoolId: 'northgate',
      trustId: 'meridian',
      capturedAt: '2026-03-10T12:00:00.000Z',
      title: HOSTILE.title,
      text: HOSTILE.text,
      url: HOSTILE.url,
      canonicalUrl: undefined,
      author: '=HYPERLINK("http://evil.example","x")',
      score: flaggedScore({ evidence: [{ field: 'text', start: HOSTILE.text.indexOf('threat'), end: HOSTILE.text.indexOf('threat') + 6, text: 'threat', category: 'abuse.threat' }] }),
    }),
  );
  const clock = () => new Date('2026-03-20T10:00:00.000Z');
  await addUser({ store, clock }, { email: USERS.admin, role: 'admin', trustId: 'meridian', password: PASSWORD });
  await addUser({ store, clock }, { email: USERS.trust, role: 'trust', trustId: 'meridian', password: PASSWORD });
  await addUser({ store, clock }, { email: USERS.head, role: 'head', trustId: 'meridian', schoolId: 'northgate', password: PASSWORD });
  await addUser({ store, clock }, { email: USERS.otherHead, role: 'head', trustId: 'meridian', schoolId: 'kestrel', password: PASSWORD });
  await addUser({ store, clock }, { email: USERS.otherTrust, role: 'trust', trustId: 'harbour', password: PASSWORD });
  return { ids: { hostile: 'hostile', kestrel: 'k1', seaview: 's1' } };
}

/** The web app with local auth over `store`. */
export async function webAppFor(store: Store, extra: Partial<WebDeps> = {}) {
  return createWebApp({ store, auth: await createLocalAuth(store), ...extra });
}

/** Serves the app on 127.0.0.1 with an ephemeral port, as @hono/node-server does for `npm start`. */
export async function serveApp(app: { fetch: (req: Request, env?: unknown) => Response | Promise<Response> }): Promise<{ url: string; close(): Promise<void> }> {
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The npm-shipped headless Chromium (no apt package needed), with nothing that phones home. */
export function launchChromium(): Promise<Browser> {
  return launchBrowser();
}

/** A browser-ish client over `app.request`: keeps cookies and reads the CSRF token from forms. */
export class PageClient {
  cookies = new Map<string, string>();
  constructor(private readonly app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }) {}
  async req(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(path, { ...init, headers });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (/max-age=0/i.test(c) || v === '') this.cookies.delete(k!);
      else this.cookies.set(k!, v!);
    }
    return res;
  }
  async csrf(path = '/auth/login'): Promise<string> {
    const html = await (await this.req(path)).text();
    return /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  }
  form(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.req(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });
  }
  async signIn(email: string, password = PASSWORD): Promise<Response> {
    const token = await this.csrf();
    return this.form('/auth/login', { _csrf: token, email, password, next: '/mentions' });
  }
}

/** A Bearer token for `email` from the JSON sign-in. */
export async function tokenFor(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }, email: string, password = PASSWORD): Promise<string> {
  const res = await app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return ((await res.json()) as { token: string }).token;
}

/** Feed items for preview tests: two flagged, one excluded (a shop), one harmless mention, one unrelated. */
export const PREVIEW_ITEMS = [
  { guid: 'a', title: 'Parents angry', text: 'the head at Northgate Park Academy is a useless idiot and a disgrace' },
  { guid: 'b', title: 'Inspection news', text: 'Northgate Park Academy was rated requires improvement by Ofsted inspectors' },
  { guid: 'c', title: 'Shops', text: 'New shops at Northgate Park Retail centre' },
  { guid: 'd', title: 'Charity', text: 'Pupils at Northgate Park Academy raise money for the food bank' },
  { guid: 'e', title: 'Weather', text: 'Rain in Leeds all week' },
];

export function rss(items: { guid: string; title: string; text: string }[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>${items
    .map((i) => `<item><title>${i.title}</title><link>https://news.example/${i.guid}</link><guid>${i.guid}</guid><description>${i.text}</description></item>`)
    .join('')}</channel></rss>`;
}

