import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Strict CSP: no script at all (the app works without JavaScript), styles only from our own stylesheet,
 * forms only to ourselves, never framed. Plus the usual security headers.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    // same-origin (not no-referrer): with no-referrer browsers send `Origin: null` on same-site form posts.
    referrerPolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
    // A route may set a stricter header itself (evidence downloads add a `sandbox` CSP); it is kept.
    overwrite: false,
  });
}

export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

const SESSION = 'sw_session';
const CSRF = 'sw_csrf';

/** Over https the cookies use the `__Host-` prefix (Secure, Path=/, no Domain): no subdomain can set them. */
function read(c: Context, name: string): string | undefined {
  return isHttps(c) ? getCookie(c, name, 'host') : getCookie(c, name);
}

function write(c: Context, name: string, value: string, maxAge: number): void {
  const secure = isHttps(c);
  setCookie(c, name, value, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge, ...(secure ? { secure: true, prefix: 'host' as const } : {}) });
}

export const session = {
  get: (c: Context) => read(c, SESSION),
  set: (c: Context, token: string, maxAgeSeconds: number) => write(c, SESSION, token, Math.max(60, Math.floor(maxAgeSeconds))),
  clear: (c: Context) => {
    if (isHttps(c)) deleteCookie(c, SESSION, { path: '/', secure: true, prefix: 'host' });
    else deleteCookie(c, SESSION, { path: '/' });
  },
};

/** Double-submit CSRF token: a random HttpOnly cookie, echoed in each form (`_csrf`) or `X-CSRF-Token`. */
export function csrfToken(c: Context): string {
  const existing = read(c, CSRF);
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  write(c, CSRF, token, 12 * 3600);
  return token;
}

export function csrfMatches(c: Context, submitted: unknown): boolean {
  const cookie = read(c, CSRF);
  if (!cookie || typeof submitted !== 'string' || submitted.length !== cookie.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(submitted));
}

/**
 * Same-origin check for state changes: the browser's Origin (or Sec-Fetch-Site) must say the request
 * came from this site. Non-browser clients send neither and are judged by their credentials alone.
 */
export function sameOrigin(c: Context, allowed: string[]): boolean {
  // Fetch metadata is decisive where the browser sends it (all current browsers do).
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = c.req.header('origin');
  if (!origin) return true;
  const own = new URL(c.req.url).origin;
  return origin === own || allowed.includes(origin);
}

/** A local path to return to after sign-in; anything else (other hosts, `//x`, `/\x`) becomes the list. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !/^\/(?![/\\])[\x21-\x7e]*$/.test(next) || next.startsWith('/auth/')) return '/mentions';
  return next;
}

/** The caller's address: the socket locally (@hono/node-server), the API Gateway source IP in Lambda. */
export function clientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } }; event?: { requestContext?: { http?: { sourceIp?: string } } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? env?.event?.requestContext?.http?.sourceIp ?? 'unknown';
}
