import { createHash, randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { changeOwnPassword, PasswordChangeError } from '../app/users';
import { AuthError } from '../auth/principal';
import type { AppEnv, WebContext } from './app';
import { page } from './layout';
import { loginBody, passwordBody } from './login-view';
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
      const error = `Too many failed sign-in attempts. Try again in ${inWords(wait)}.`;
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
    const mustChange = (await ctx.store.users.get(email))?.mustChangePassword === true;
    if (json) return c.json({ token: issued.token, tokenType: 'Bearer', expiresAt: issued.expiresAt, ...(mustChange ? { mustChangePassword: true } : {}) });
    session.set(c, issued.token, (Date.parse(issued.expiresAt) - Date.now()) / 1000);
    return c.redirect(mustChange ? `/account/password?next=${encodeURIComponent(next)}` : next, 303);
  });

  // ---- forced password change: a local user with an issued password reaches nothing else until they change it
  const OPEN_WHILE_FORCED = new Set(['/account/password', '/api/account/password', '/auth/logout', '/healthz', '/assets/app.css', '/api/me']);
  app.use(async (c, next) => {
    if (!c.get('principal')?.mustChangePassword || OPEN_WHILE_FORCED.has(c.req.path)) return next();
    if (c.req.path.startsWith('/api/')) {
      return c.json({ error: 'You must change the password you were given before using Schoolwatch: POST /api/account/password with {"current", "password"}.', code: 'password_change_required' }, 403);
    }
    const url = new URL(c.req.url);
    const back = c.req.method === 'GET' ? safeNext(url.pathname + url.search) : '/mentions';
    return c.redirect(`/account/password?next=${encodeURIComponent(back)}`, c.req.method === 'GET' ? 302 : 303);
  });

  // ---- change password (local users; Cognito has its own)
  const passwordPage = (c: Context<AppEnv>, opts: { next: string; problems?: Record<string, string>; notice?: string }, status: 200 | 400 | 429 = 200) => {
    const p = c.get('principal')!;
    return c.html(page({ title: 'Change password', principal: p, csrf: csrfToken(c), body: html`${passwordBody({ csrf: csrfToken(c), email: p.email, forced: p.mustChangePassword === true, problems: opts.problems ?? {}, next: opts.next, notice: opts.notice })}${signOutEverywhere(csrfToken(c))}` }), status);
  };
  const localOnly = (c: Context<AppEnv>) => !local || ctx.auth.mode !== 'local' || !c.get('principal');

  app.get('/account/password', (c) => {
    if (!c.get('principal') && local) return c.redirect(`/auth/login?next=${encodeURIComponent('/account/password')}`);
    if (localOnly(c)) return c.notFound();
    return passwordPage(c, { next: safeNext(c.req.query('next')), notice: c.req.query('changed') ? 'Your password has been changed.' : undefined });
  });

  /** One change, with the login limiter guarding guesses of the current password. */
  const change = async (c: Context<AppEnv>, input: { current?: string; password?: string; confirm?: string }) => {
    const p = c.get('principal')!;
    const ip = clientIp(c);
    const wait = ctx.limiter.retryAfter(ip, p.email);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return { wait };
    }
    try {
      await changeOwnPassword(ctx, p.email, input);
      ctx.limiter.succeed(ip, p.email);
      ctx.log.info('password changed; the user\'s other sessions ended', { email: p.email, forced: p.mustChangePassword === true });
      // The change ended every session, this one too; the person who changed it carries on with a new one.
      const issued = await ctx.auth.reissue?.(p.email);
      return { ok: true as const, issued };
    } catch (err) {
      if (!(err instanceof PasswordChangeError)) throw err;
      if (err.problems.current) ctx.limiter.fail(ip, p.email);
      return { problems: err.problems };
    }
  };

  app.post('/account/password', async (c) => {
    if (localOnly(c)) return c.notFound();
    const body = await c.req.parseBody();
    const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const next = safeNext(body.next);
    const r = await change(c, { current: s('current'), password: s('password'), confirm: s('confirm') });
    if ('wait' in r) return passwordPage(c, { next, problems: { current: `too many wrong attempts; try again in ${inWords(r.wait!)}` } }, 429);
    if (r.problems) return passwordPage(c, { next, problems: r.problems }, 400);
    if (r.issued) session.set(c, r.issued.token, (Date.parse(r.issued.expiresAt) - Date.now()) / 1000);
    return c.redirect(c.get('principal')!.mustChangePassword ? next : `/account/password?changed=1&next=${encodeURIComponent(next)}`, 303);
  });

  app.post('/api/account/password', async (c) => {
    if (!c.get('principal')) return c.json({ error: 'Sign in required' }, 401);
    if (localOnly(c)) return c.json({ error: 'Passwords are managed by the hosted sign-in here.' }, 404);
    const body = (await c.req.json().catch(() => undefined)) as { current?: unknown; password?: unknown } | undefined;
    if (!body || typeof body.current !== 'string' || typeof body.password !== 'string') return c.json({ error: 'Send {"current": "...", "password": "..."}' }, 400);
    const r = await change(c, { current: body.current, password: body.password, confirm: body.password });
    if ('wait' in r) return c.json({ error: 'Too many wrong attempts; try again later.' }, 429);
    if (r.problems) return c.json({ error: 'The password was not changed', problems: r.problems }, 400);
    // The token used for this call has stopped working: here is its replacement.
    return c.json({ changed: true, ...(r.issued ? { token: r.issued.token, tokenType: 'Bearer', expiresAt: r.issued.expiresAt } : {}) });
  });

  /**
   * Sign-out ends this session for good (its token is refused even if copied), or with `everywhere=1` every
   * session of the user. Works for the session cookie and for a Bearer token.
   */
  app.post('/auth/logout', async (c) => {
    const p = c.get('principal');
    if (p && ctx.auth.signOut) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      const token = c.get('authVia') === 'bearer' ? bearer : session.get(c);
      const type = c.req.header('content-type') ?? '';
      const form = type.includes('form') ? await c.req.parseBody() : {};
      const everywhere = form.everywhere === '1' || c.req.query('everywhere') === '1';
      if (token) {
        await ctx.auth.signOut(token, everywhere).catch((err: unknown) => {
          if (!(err instanceof AuthError)) throw err;
        });
        ctx.log.info(everywhere ? 'signed out everywhere' : 'signed out', { email: p.email });
      }
      if (c.get('authVia') === 'bearer') return c.json({ signedOut: true, everywhere });
    }
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

/** On the account page: end every session of this user (other browsers, API tokens, a lost device). */
function signOutEverywhere(csrf: string) {
  return html`<section class="login" aria-labelledby="everywhere-h"><h2 id="everywhere-h">Signed in somewhere else?</h2>
<p>Sign out of Schoolwatch on every browser and device, including this one. Changing your password does this too.</p>
<form method="post" action="/auth/logout"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="everywhere" value="1"><button type="submit">Sign out everywhere</button></form></section>`;
}

/** A sign-in wait in words: seconds under a minute (a busy shared address), minutes otherwise. */
function inWords(seconds: number): string {
  return seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
}

function redirectUri(c: Context, ctx: WebContext): string {
  return `${ctx.publicOrigin ?? new URL(c.req.url).origin}/auth/callback`;
}
