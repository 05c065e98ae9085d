import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { FilterError, mentionsFor, NotFoundError, parseFilters, type ReviewedMention } from '../app/mentions-query';
import { assignMention, readSnapshot, reviewHistory, reviewMany, reviewMention, ReviewConflictError, ReviewValidationError, type BulkOutcome } from '../app/review';
import { triageSummary } from '../app/summary';
import { dashboardBody } from './dashboard-view';
import type { Logger } from '../app/deps';
import { AuthError, type Principal } from '../auth/principal';
import type { WebAuth } from '../auth/local-auth';
import { LoginRateLimiter } from '../auth/rate-limit';
import { evidenceCsv as sharedEvidenceCsv } from '../digest/csv';
import type { Store } from '../store';
import { AdminConfigError, AdminOnlyError, ConfigNotFoundError, parseSchool, replaceTrustConfig, trustConfigForDisplay } from '../app/admin-config';
import { previewSchool } from '../app/preview';
import { auditListRead } from '../app/read-audit';
import { EnvSchema } from '../config/env';
import { JsonSyntaxError, parseJson } from '../config/messages';
import { createSafeFetcher } from '../feeds/fetch';
import type { FeedFetcher } from '../feeds/types';
import { registerAdmin } from './admin';
import { registerAdminDigests } from './admin-digests';
import { registerAuthRoutes } from './auth-routes';
import { registerEvidenceRoutes } from './evidence-routes';
import type { EvidenceStore } from '../evidence/evidence-store';
import { filterQuery, type RawFilters } from './filters-view';
import { page, type Html } from './layout';
import { evidenceBody, listBody, snapshotBody } from './mention-views';
import { csrfMatches, csrfToken, sameOrigin, securityHeaders, session } from './security';
import { STYLES } from './styles';

export interface WebDeps {
  store: Store;
  /** How people sign in and how tokens are verified: `createLocalAuth(store)` or `cognitoAuthFromEnv()`. */
  auth: WebAuth;
  clock?: () => Date;
  log?: Logger;
  /** Public origin when behind a proxy (e.g. WEB_BASE_URL); accepted as Origin on state changes. */
  publicOrigin?: string;
  loginLimiter?: LoginRateLimiter;
  /**
   * Fetches feeds for the admin console's preview. Default: the production safe fetcher honouring
   * FEED_ALLOW_HOSTS from the environment, created on first use.
   */
  fetcher?: FeedFetcher;
  /** The evidence bucket: page captures shown and downloaded from the snapshot page. */
  evidence?: EvidenceStore;
}

export type AppEnv = { Variables: { principal?: Principal; authVia?: 'cookie' | 'bearer' } };

/** Resolved dependencies handed to route modules. */
export interface WebContext {
  store: Store;
  auth: WebAuth;
  clock: () => Date;
  log: Logger;
  publicOrigin?: string;
  limiter: LoginRateLimiter;
  fetcher: () => FeedFetcher;
  evidence?: EvidenceStore;
}

const quiet: Logger = { info() {}, warn() {}, error() {} };

/**
 * The web app: server-rendered pages and a JSON API under /api with the same rules, both reading through
 * the principal-scoped MentionsQuery. Served by @hono/node-server locally and `handle(app)` in Lambda.
 */
export function createWebApp(deps: WebDeps): Hono<AppEnv> {
  const ctx: WebContext = {
    store: deps.store,
    auth: deps.auth,
    clock: deps.clock ?? (() => new Date()),
    log: deps.log ?? quiet,
    publicOrigin: deps.publicOrigin?.replace(/\/+$/, ''),
    limiter: deps.loginLimiter ?? new LoginRateLimiter(),
    fetcher: () => (deps.fetcher ??= defaultPreviewFetcher()),
    evidence: deps.evidence,
  };
  const app = new Hono<AppEnv>();
  app.use(securityHeaders());
  app.use(async (c, next) => {
    await next();
    if (!c.req.path.startsWith('/assets/')) c.header('Cache-Control', 'no-store');
  });
  app.use(bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text('Request body too large', 413) }));
  // A form body that cannot be parsed (broken multipart, bad boundary) is the sender's mistake: 400, never 500.
  // Parsed once here; Hono caches the result for the handlers' own parseBody().
  app.use(async (c, next) => {
    if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(c.req.header('content-type') ?? '')) return next();
    try {
      await c.req.parseBody();
    } catch {
      const error = 'The form could not be read: the request body is not valid form data (multipart/form-data or URL-encoded). Reload the page and send the form again.';
      return c.req.path.startsWith('/api/') ? c.json({ error }, 400) : c.text(error, 400);
    }
    return next();
  });

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/assets/app.css', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(STYLES, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  // Who is asking: a Bearer token (API clients) or the session cookie (browsers). One verification path.
  app.use(async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const m = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header);
      try {
        if (!m) throw new AuthError('Authorization must be "Bearer <token>"');
        c.set('principal', await ctx.auth.verifier.verify(m[1]!));
        c.set('authVia', 'bearer');
      } catch (err) {
        c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        return c.json({ error: err instanceof AuthError ? 'Invalid or expired token' : 'Could not check the token' }, 401);
      }
    } else {
      const token = session.get(c);
      if (token) {
        try {
          c.set('principal', await ctx.auth.verifier.verify(token));
          c.set('authVia', 'cookie');
        } catch (err) {
          if (!(err instanceof AuthError)) throw err;
          session.clear(c);
        }
      }
    }
    return next();
  });

  // CSRF: every state change made with the session cookie (or the login form) must echo the double-submit
  // token and come from this origin. Bearer calls carry no ambient credential, so the token is not needed.
  app.use(async (c, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
    const allowed = ctx.publicOrigin ? [ctx.publicOrigin] : [];
    if (!sameOrigin(c, allowed)) return forbidden(c, 'Cross-site request refused.');
    if (c.get('authVia') === 'bearer') return next();
    const isJsonLogin = c.req.path === '/auth/login' && (c.req.header('content-type') ?? '').includes('application/json');
    if (isJsonLogin && !c.get('authVia')) return next(); // answers with a token, sets no cookie
    const submitted = c.req.header('x-csrf-token') ?? (await formField(c, '_csrf'));
    if (!csrfMatches(c, submitted)) return forbidden(c, 'This form has expired or did not come from Schoolwatch. Go back, reload the page and try again.');
    return next();
  });

  registerAuthRoutes(app, ctx);

  app.get('/', async (c) => {
    const principal = c.get('principal');
    if (!principal) return c.redirect('/auth/login');
    return render(c, 'Overview', dashboardBody(await triageSummary(ctx, principal)), 200, 'overview');
  });

  // Pages need a signed-in person; the API answers 401 instead of redirecting.
  const needPage = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (c.get('principal')) return next();
    const url = new URL(c.req.url);
    return c.redirect(`/auth/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  };
  app.use('/mentions', needPage);
  app.use('/mentions/*', needPage);
  app.use('/mentions.csv', needPage);
  app.use('/admin', needPage);
  app.use('/admin/*', needPage);
  app.use('/api/*', async (c, next) => {
    if (c.get('principal')) return next();
    c.header('WWW-Authenticate', 'Bearer');
    return c.json({ error: 'Sign in required: send Authorization: Bearer <token> (POST /auth/login) or the session cookie' }, 401);
  });

  const render = (c: Context<AppEnv>, title: string, body: Html, status: 200 | 400 | 403 | 404 | 409 | 429 = 200, current?: 'overview' | 'mentions' | 'admin') =>
    c.html(page({ title, body, principal: c.get('principal'), csrf: csrfToken(c), current }), status);

  // ---- flagged items
  app.get('/mentions', async (c) => {
    const principal = c.get('principal')!;
    const q = mentionsFor(ctx, principal);
    const raw = c.req.query() as RawFilters;
    const { done, unchanged, failed, ...filters } = raw;
    const schools = await q.schools();
    const bulk = done !== undefined ? { notice: bulkNotice(Number(done) || 0, Number(unchanged) || 0, Number(failed) || 0) } : undefined;
    try {
      const parsed = parseFilters(filters);
      const result = await q.list(parsed);
      await auditListRead(ctx, principal, 'page', parsed, result.mentions);
      return render(c, 'Flagged items', listBody({ principal, raw: filters, problems: {}, schools, result, csrf: csrfToken(c), bulk }), 200, 'mentions');
    } catch (err) {
      if (!(err instanceof FilterError)) throw err;
      return render(c, 'Flagged items', listBody({ principal, raw: filters, problems: err.problems, schools, result: { mentions: [], truncated: false }, csrf: csrfToken(c) }), 400, 'mentions');
    }
  });

  /** Ticked items of the list → one status and one note; each item gets its own audit event. */
  app.post('/mentions/bulk', async (c) => {
    const principal = c.get('principal')!;
    const body = await c.req.parseBody({ all: true });
    const ids = ([] as unknown[]).concat(body.id ?? []).filter((v): v is string => typeof v === 'string');
    const raw = c.req.query() as RawFilters;
    try {
      const outcomes = await reviewMany(ctx, principal, ids, { status: str(body.status), note: str(body.note) });
      const count = (o: BulkOutcome['outcome']) => outcomes.filter((x) => x.outcome === o).length;
      const back = new URLSearchParams(filterQuery(raw).slice(1));
      back.set('done', String(count('changed')));
      back.set('unchanged', String(count('unchanged')));
      back.set('failed', String(count('conflict') + count('not-found')));
      return c.redirect(`/mentions?${back}`, 303);
    } catch (err) {
      if (!(err instanceof ReviewValidationError)) throw err;
      const q = mentionsFor(ctx, principal);
      const parsed = parseFilters(raw);
      const [schools, result] = await Promise.all([q.schools(), q.list(parsed)]);
      await auditListRead(ctx, principal, 'page', parsed, result.mentions);
      return render(c, 'Flagged items', listBody({ principal, raw, problems: {}, schools, result, csrf: csrfToken(c), bulk: { problems: err.problems, status: str(body.status), note: str(body.note) } }), 400, 'mentions');
    }
  });

  app.get('/mentions.csv', async (c) => {
    const principal = c.get('principal')!;
    const q = mentionsFor(ctx, principal);
    const filters = parseFilters(c.req.query() as RawFilters);
    const [{ mentions, truncated }, schools] = await Promise.all([q.all(filters), q.schools()]);
    await auditListRead(ctx, principal, 'csv', filters, mentions);
    ctx.log.info('evidence export', { actor: principal.email, rows: mentions.length, truncated });
    const names = new Map(schools.map((s) => [s.school.id, s.school.name]));
    const date = ctx.clock().toISOString().slice(0, 10);
    return c.body(evidenceCsv(mentions, names), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="schoolwatch-evidence-${date}.csv"`,
    });
  });

  const snapshot = async (c: Context<AppEnv>, extra: { form?: Parameters<typeof snapshotBody>[0]['form']; notice?: string } = {}, status: 200 | 400 | 409 = 200) => {
    const principal = c.get('principal')!;
    const id = c.req.param('id')!;
    const mention = await readSnapshot(ctx, principal, id, 'page');
    const [ref, history, views] = await Promise.all([ctx.store.config.getSchool(mention.schoolId, mention.trustId), ctx.store.reviews.history(id), ctx.store.reviews.views(id, 10)]);
    return render(c, mention.title || 'Snapshot', snapshotBody({ mention, school: ref?.school, history, views, csrf: csrfToken(c), me: principal.email, ...extra }), status, 'mentions');
  };

  app.get('/mentions/:id', (c) =>
    snapshot(c, { notice: c.req.query('saved') ? 'Review saved and added to the audit trail.' : c.req.query('assigned') ? 'Assignment saved and added to the audit trail.' : undefined }),
  );

  app.post('/mentions/:id/assign', async (c) => {
    const principal = c.get('principal')!;
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    try {
      await assignMention(ctx, principal, id, { assignee: str(body.assignee) ?? '', expected: str(body.expected) });
      return c.redirect(`/mentions/${id}?assigned=1`, 303);
    } catch (err) {
      if (err instanceof ReviewValidationError) return snapshot(c, { form: { problems: { form: `Not assigned: ${Object.values(err.problems).join('; ')}` } } }, 400);
      if (err instanceof ReviewConflictError) return snapshot(c, { form: { problems: { form: err.message } } }, 409);
      throw err;
    }
  });

  app.get('/mentions/:id/evidence', async (c) => {
    const principal = c.get('principal')!;
    const id = c.req.param('id');
    const mention = await readSnapshot(ctx, principal, id, 'evidence');
    const [ref, history] = await Promise.all([ctx.store.config.getSchool(mention.schoolId, mention.trustId), ctx.store.reviews.history(id)]);
    return render(c, `Evidence: ${mention.title}`, evidenceBody(mention, ref?.school, history, principal.email, ctx.clock().toISOString()));
  });

  registerEvidenceRoutes(app, ctx, deps.evidence);

  app.post('/mentions/:id/review', async (c) => {
    const principal = c.get('principal')!;
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const input = { status: str(body.status), note: str(body.note), assignee: str(body.assignee), expected: str(body.expected) };
    try {
      await reviewMention(ctx, principal, id, input);
      return c.redirect(`/mentions/${id}?saved=1`, 303);
    } catch (err) {
      if (err instanceof ReviewValidationError) return snapshot(c, { form: { ...input, problems: err.problems } }, 400);
      if (err instanceof ReviewConflictError) return snapshot(c, { form: { ...input, problems: { form: err.message } } }, 409);
      throw err;
    }
  });

  // ---- JSON API: the same use cases, the same scope
  app.get('/api/me', (c) => c.json({ principal: c.get('principal'), csrfToken: c.get('authVia') === 'cookie' ? csrfToken(c) : undefined }));

  app.get('/api/mentions', async (c) => {
    const principal = c.get('principal')!;
    const filters = parseFilters(c.req.query() as RawFilters);
    const result = await mentionsFor(ctx, principal).list(filters);
    // Lists carry no captured text (reading a snapshot is a separate, audited call), but they do carry the evidence
    // excerpts and `q` searches the captured text: the list itself is recorded as a read.
    await auditListRead(ctx, principal, 'api', filters, result.mentions);
    return c.json({ mentions: result.mentions.map(({ text: _t, ...rest }) => rest), next: result.next ?? null, prev: result.prev ?? null, truncated: result.truncated });
  });

  app.get('/api/mentions/:id', async (c) => {
    const principal = c.get('principal')!;
    const mention = await readSnapshot(ctx, principal, c.req.param('id'), 'api');
    return c.json({ mention, history: await reviewHistory(ctx, principal, mention.id) });
  });

  app.post('/api/mentions/:id/review', async (c) => {
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      return c.json({ error: 'Send a JSON body: {"status": "...", "note": "...", "assignee"?: "..."}' }, 400);
    }
    const { mention, event } = await reviewMention(ctx, c.get('principal')!, c.req.param('id'), input);
    const { text: _t, ...summary } = mention;
    return c.json({ mention: summary, event });
  });

  app.get('/api/summary', async (c) => c.json(await triageSummary(ctx, c.get('principal')!)));

  /** `{ids: [...], status, note}`: one status and note for many items; answers each item's outcome. */
  app.post('/api/mentions/review', async (c) => {
    let body: { ids?: unknown; status?: unknown; note?: unknown };
    try {
      body = (await c.req.json()) as typeof body;
    } catch {
      return c.json({ error: 'Send a JSON body: {"ids": ["…"], "status": "...", "note": "..."}' }, 400);
    }
    const ids = Array.isArray(body?.ids) ? body.ids.filter((v): v is string => typeof v === 'string') : [];
    const results = await reviewMany(ctx, c.get('principal')!, ids, { status: str(body?.status), note: str(body?.note) });
    return c.json({ results });
  });

  app.get('/api/config', async (c) => {
    const principal = c.get('principal')!;
    if (principal.role === 'admin') {
      const { schools, ...trust } = await trustConfigForDisplay(ctx, principal);
      return c.json({ trust, schools });
    }
    const [trust, schools] = await Promise.all([ctx.store.config.getTrust(principal.trustId), mentionsFor(ctx, principal).schools()]);
    return c.json({ trust: trust ?? { id: principal.trustId }, schools: schools.map((s) => s.school) });
  });

  /** The trust's whole configuration (`{trust: {...}, schools: [...]}` or one config-file trust), all-or-nothing. */
  app.put('/api/config', async (c) => {
    const principal = c.get('principal')!;
    let body: unknown;
    try {
      body = parseJson(await c.req.text());
    } catch (err) {
      const where = err instanceof JsonSyntaxError ? ` The body is not valid JSON: ${err.message}.` : '';
      return c.json({ error: `Send the configuration as JSON: {"trust": {"name": …}, "schools": [ … ]} (the shape GET /api/config returns).${where}` }, 400);
    }
    const input = body && typeof body === 'object' && 'trust' in body && 'schools' in body ? { ...((body as { trust: object }).trust ?? {}), schools: (body as { schools: unknown }).schools } : body;
    const summary = await replaceTrustConfig(ctx, principal, input);
    ctx.log.info('configuration saved through the API', { trustId: principal.trustId, by: principal.email, ...summary });
    const { schools, ...trust } = await trustConfigForDisplay(ctx, principal);
    return c.json({ saved: summary, trust, schools });
  });

  /** What a draft school would match now; nothing is stored. */
  app.post('/api/config/preview', async (c) => {
    const principal = c.get('principal')!;
    if (principal.role !== 'admin') throw new AdminOnlyError('Only admins can preview configuration.');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'Send a school as JSON (the shape of one entry of "schools")' }, 400);
    }
    const school = parseSchool(body);
    const owner = await ctx.store.config.ownerOf(school.id);
    if (owner && owner !== principal.trustId) throw new ConfigNotFoundError('No such school in your trust.');
    return c.json(await previewSchool({ fetcher: ctx.fetcher(), clock: ctx.clock }, school));
  });

  registerAdmin(app, ctx, render);
  registerAdminDigests(app, ctx, render);

  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? c.json({ error: 'Not found' }, 404) : render(c, 'Not found', html`<h1>Not found</h1><p>There is nothing here, or it is not in your schools. <a href="/mentions">Back to the flagged items</a>.</p>`, 404),
  );

  app.onError((err, c) => {
    const api = c.req.path.startsWith('/api/');
    if (err instanceof NotFoundError) {
      return api ? c.json({ error: 'Not found' }, 404) : render(c, 'Not found', html`<h1>Not found</h1><p>No such item in your schools. <a href="/mentions">Back to the flagged items</a>.</p>`, 404);
    }
    if (err instanceof FilterError) return api ? c.json({ error: err.message, problems: err.problems }, 400) : c.text(err.message, 400);
    if (err instanceof ReviewValidationError) return c.json({ error: 'The review was not saved', problems: err.problems }, 400);
    if (err instanceof ReviewConflictError) return c.json({ error: err.message, current: err.current }, 409);
    if (err instanceof AuthError) return c.json({ error: 'Not signed in' }, 401);
    if (err instanceof AdminConfigError) return c.json({ error: 'Nothing was saved: the configuration is not valid', problems: err.problems }, 400);
    if (err instanceof AdminOnlyError) return c.json({ error: err.message }, 403);
    if (err instanceof ConfigNotFoundError) return api ? c.json({ error: 'Not found' }, 404) : render(c, 'Not found', html`<h1>Not found</h1>`, 404);
    ctx.log.error('web request failed', { path: c.req.path, error: err.message });
    return api ? c.json({ error: 'Something went wrong; it has been logged.' }, 500) : c.html(page({ title: 'Error', body: html`<h1>Something went wrong</h1><p>The error has been logged. Try again in a moment.</p>` }), 500);
  });

  return app;
}

/** The preview's fetcher when the caller gave none: the production safe fetcher, FEED_ALLOW_HOSTS honoured. */
function defaultPreviewFetcher(): FeedFetcher {
  const allow = EnvSchema.shape.FEED_ALLOW_HOSTS.safeParse(process.env.FEED_ALLOW_HOSTS ?? '');
  return createSafeFetcher({ allowHosts: allow.success ? allow.data : [], userAgent: process.env.FEED_USER_AGENT || undefined, timeoutMs: 10_000 });
}

function bulkNotice(done: number, unchanged: number, failed: number): string {
  const parts = [`${done} item${done === 1 ? '' : 's'} changed (each with the note in its audit trail)`];
  if (unchanged) parts.push(`${unchanged} already had that status and ${unchanged === 1 ? 'was' : 'were'} left alone`);
  if (failed) parts.push(`${failed} could not be changed (changed by someone else meanwhile, or no longer there): open ${failed === 1 ? 'it' : 'them'} to check`);
  return `${parts.join('; ')}.`;
}

function forbidden(c: Context<AppEnv>, message: string) {
  return c.req.path.startsWith('/api/') || (c.req.header('content-type') ?? '').includes('json')
    ? c.json({ error: message }, 403)
    : c.html(page({ title: 'Refused', body: html`<h1>Request refused</h1><p>${message}</p>` }), 403);
}

async function formField(c: Context<AppEnv>, name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return undefined;
  const body = await c.req.parseBody();
  return str(body[name]);
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The evidence log of the filtered list: the same columns as the email attachments (lib/digest/csv), unmasked behind sign-in. */
export function evidenceCsv(mentions: ReviewedMention[], schoolNames: Map<string, string>): string {
  return sharedEvidenceCsv(mentions, { schoolName: (m) => schoolNames.get(m.schoolId), bom: true });
}
