import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, generateSigningKey, signLocalToken } from '../../lib/auth/tokens';
import { createWebApp } from '../../lib/web/app';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

/** Cognito mode: hosted sign-in with PKCE, the callback exchanging the code and verifying the ID token. */
describe('hosted sign-in (authorisation code + PKCE)', () => {
  let dynamo: TestDynamo;
  const key = generateSigningKey();
  const calls: { url: string; body: URLSearchParams }[] = [];
  let idToken = '';

  beforeAll(async () => {
    dynamo = await startTestDynamo();
  }, 30_000);
  afterAll(async () => dynamo?.stop());

  async function app() {
    const { store } = await dynamo.freshStore();
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, body: new URLSearchParams(String(init.body)) });
      return new Response(JSON.stringify({ id_token: idToken, expires_in: 3600 }), { headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    return createWebApp({
      store,
      auth: { mode: 'cognito', verifier: createTokenVerifier({ kind: 'local', jwks: [key.publicJwk] }), hostedUi: { domain: 'https://auth.example', clientId: 'client-1', fetch: fakeFetch } },
    });
  }

  it('redirects to the hosted UI, checks state, exchanges the code with the verifier and sets the session', async () => {
    const web = await app();
    const start = await web.request('https://sw.example/auth/hosted?next=%2Fmentions%3Fstatus%3Dnew');
    expect(start.status).toBe(302);
    const location = new URL(start.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://auth.example/oauth2/authorize');
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('redirect_uri')).toBe('https://sw.example/auth/callback');
    const cookie = start.headers.getSetCookie()[0]!.split(';')[0]!;
    const state = location.searchParams.get('state')!;

    const wrongState = await web.request(`https://sw.example/auth/callback?code=abc&state=nope`, { headers: { cookie } });
    expect(wrongState.status).toBe(400);
    expect(calls).toHaveLength(0);

    idToken = signLocalToken(key, { subject: 'c1', email: 'head@x.example', role: 'head', trustId: 'meridian', schoolId: 'northgate' }, 3600).token;
    const done = await web.request(`https://sw.example/auth/callback?code=abc&state=${state}`, { headers: { cookie } });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/mentions?status=new');
    expect(calls[0]!.url).toBe('https://auth.example/oauth2/token');
    expect(calls[0]!.body.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = done.headers.getSetCookie().find((c) => c.startsWith('__Host-sw_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    // Password sign-in does not exist in Cognito mode.
    const json = await web.request('https://sw.example/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@b.c","password":"x"}' });
    expect(json.status).toBe(404);
  });

  it('refuses an ID token without a Schoolwatch role', async () => {
    const web = await app();
    const start = await web.request('https://sw.example/auth/hosted');
    const cookie = start.headers.getSetCookie()[0]!.split(';')[0]!;
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    idToken = signLocalToken(generateSigningKey(), { subject: 'c1', email: 'x@x.example', role: 'head', trustId: 'meridian', schoolId: 'n' }, 3600).token;
    const res = await web.request(`https://sw.example/auth/callback?code=abc&state=${state}`, { headers: { cookie } });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('__Host-sw_session=') && !/Max-Age=0/.test(c))).toBe(false);
  });
});
