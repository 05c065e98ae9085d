import { createHash, randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AuthError } from '../auth/principal';
import type { AppEnv, WebContext } from './app';
import { page } from './layout';
import { loginBody } from './login-view';
import { clientIp, csrfToken, isHttps, safeNext, session } from './security';

const OAUTH_COOKIE = 'sw_oauth';

/** Sign-in and sign-out: local password login (JSON and form), and Cognito's hosted sign-in with PKCE. */
export function registerAuthRoutes(app: Hono<AppEnv>, ctx: WebContext): void {
  const local = Boolean(ctx.auth.passwordLogin);
  const hosted = Boolean(ctx.auth.hostedUi);

  const loginPage = (c: Context<AppEnv>, opts: { next: string; email?: string; error?: string; info?: string }, status: 200 | 400 | 401 | 403 | 429 = 200) =>
    c.html(page({ title: 'Sign in', body: loginBody({ csrf: csrfToken(c), local, hosted, ...opts }) }), status);

  app.get('/auth/login', (c) => {
    if (c.get('principal')) return c.redirect(safeNext(c.req.query('next')));
    const info = c.req.query('signed_out') ? 'You have signed out.' : !local && !hosted ? 'Sign-in is not configured for this deployment.' : undefined;
    return loginPage(c, { next: safeNext(c.req.query('next')), info });
  });

  app.post('/auth/login', async (c) => {
    const json = (c.req.header('content-type') ?? '').includes('application/json');
    let email = '';
    let password = '';
    let next = '/mentions';
    if (json) {
      const body = (await c.req.json().catch(() => undefined)) as { email?: unknown; password?: unknown } | undefined;
      if (!body || typeof body.email !== 'string' || typeof body.password !== 'string') {
        return c.json({ error: 'Send {"email": "...", "password": "..."}' }, 400);
      }
      ({ email, password } = body as { email: string; password: string });
    } else {
      const body = await c.req.parseBody();
      email = typeof body.email === 'string' ? body.email : '';
      password = typeof body.password === 'string' ? body.password : '';
      next = safeNext(body.next);
    }
    email = email.trim().toLowerCase();
    if (!ctx.auth.passwordLogin) {
      return json ? c.json({ error: 'Password sign-in is not available here; use the hosted sign-in.' }, 404) : loginPage(c, { next, error: 'Use “Sign in with your trust account”.' }, 400);
    }
    const ip = clientIp(c);
    const wait = ctx.limiter.retryAfter(ip, email);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      const error = `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`;
      return json ? c.json({ error }, 429) : loginPage(c, { next, email, error }, 429);
    }
    const issued = email && password ? await ctx.auth.passwordLogin(email, password) : undefined;
    if (!issued) {
      ctx.limiter.fail(ip, email);
      ctx.log.warn('sign-in failed', { email, ip });
      const error = 'That email and password do not match an active account.';
      return json ? c.json({ error }, 401) : loginPage(c, { next, email, error }, 401);
    }
    ctx.limiter.succeed(ip, email);
    ctx.log.info('signed in', { email });
    if (json) return c.json({ token: issued.token, tokenType: 'Bearer', expiresAt: issued.expiresAt });
    session.set(c, issued.token, (Date.parse(issued.expiresAt) - Date.now()) / 1000);
    return c.redirect(next, 303);
  });

  app.post('/auth/logout', (c) => {
    session.clear(c);
    const h = ctx.auth.hostedUi;
    if (h) {
      const logoutUri = `${ctx.publicOrigin ?? new URL(c.req.url).origin}/`;
      return c.redirect(`${h.domain}/logout?client_id=${encodeURIComponent(h.clientId)}&logout_uri=${encodeURIComponent(logoutUri)}`, 303);
    }
    return c.redirect('/auth/login?signed_out=1', 303);
  });

  // ---- Cognito hosted sign-in (authorisation code + PKCE)
  app.get('/auth/hosted', (c) => {
    const h = ctx.auth.hostedUi;
    if (!h) return c.notFound();
    const state = randomBytes(16).toString('base64url');
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const payload = Buffer.from(JSON.stringify({ state, verifier, next: safeNext(c.req.query('next')) })).toString('base64url');
    setCookie(c, OAUTH_COOKIE, payload, { httpOnly: true, sameSite: 'Lax', path: '/auth/', maxAge: 600, secure: isHttps(c) });
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: h.clientId,
      redirect_uri: redirectUri(c, ctx),
      scope: 'openid email profile',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    return c.redirect(`${h.domain}/oauth2/authorize?${params}`);
  });

  app.get('/auth/callback', async (c) => {
    const h = ctx.auth.hostedUi;
    if (!h) return c.notFound();
    const raw = getCookie(c, OAUTH_COOKIE);
    deleteCookie(c, OAUTH_COOKIE, { path: '/auth/' });
    let saved: { state?: string; verifier?: string; next?: string } = {};
    try {
      saved = raw ? (JSON.parse(Buffer.from(raw, 'base64url').toString()) as typeof saved) : {};
    } catch {
      saved = {};
    }
    const code = c.req.query('code');
    if (!code || !saved.state || !saved.verifier || c.req.query('state') !== saved.state) {
      return loginPage(c, { next: '/mentions', error: 'The sign-in did not complete (it may have expired). Please try again.' }, 400);
    }
    const res = await (h.fetch ?? fetch)(`${h.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: h.clientId, code, redirect_uri: redirectUri(c, ctx), code_verifier: saved.verifier }),
      signal: AbortSignal.timeout(5000),
    });
    const tokens = (res.ok ? await res.json().catch(() => ({})) : {}) as { id_token?: string; expires_in?: number };
    if (!tokens.id_token) return loginPage(c, { next: '/mentions', error: 'The sign-in service did not return a token. Please try again.' }, 400);
    try {
      await ctx.auth.verifier.verify(tokens.id_token);
    } catch (err) {
      if (!(err instanceof AuthError)) throw err;
      return loginPage(c, { next: '/mentions', error: 'Your account has no Schoolwatch role or school yet. Ask your trust admin.' }, 403);
    }
    session.set(c, tokens.id_token, tokens.expires_in ?? 3600);
    return c.redirect(safeNext(saved.next), 303);
  });
}

function redirectUri(c: Context, ctx: WebContext): string {
  return `${ctx.publicOrigin ?? new URL(c.req.url).origin}/auth/callback`;
}
