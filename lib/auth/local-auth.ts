import type { Store } from '../store';
import type { UserRecord } from '../store/user-store';
import { dummyHash, verifyPassword } from './password';
import { AuthError } from './principal';
import { createTokenVerifier, generateSigningKey, signLocalToken, type TokenVerifier } from './tokens';

/** What the web app needs to know about sign-in; built once at start-up. */
export interface WebAuth {
  mode: 'local' | 'cognito';
  verifier: TokenVerifier;
  /** Local mode: email + password → RS256 token (undefined when the pair is wrong or the user is disabled). */
  passwordLogin?: (email: string, password: string) => Promise<{ token: string; expiresAt: string } | undefined>;
  /** Local mode: a fresh token for a signed-in user whose sessions were just ended (they changed their password). */
  reissue?: (email: string) => Promise<{ token: string; expiresAt: string } | undefined>;
  /**
   * Local mode: ends the session of this (verified) token, or with `everywhere` every session of its user.
   * Cognito tokens cannot be revoked here; the hosted sign-out ends the Cognito session.
   */
  signOut?: (token: string, everywhere: boolean) => Promise<void>;
  /** Cognito mode with a hosted domain: where to send people to sign in. */
  hostedUi?: { domain: string; clientId: string; fetch?: typeof fetch };
}

export const LOCAL_TOKEN_TTL_SECONDS = 8 * 3600;

/**
 * Local sign-in: users in the table, a key pair generated on first start and kept in the table, and
 * tokens verified by the same aws-jwt-verify path as Cognito's. Every request reads the user record: a token
 * stops working as soon as its user is disabled, their role/trust/school changes, or their session version
 * (`sv`) moves on (password change or reset, "sign out everywhere", disable, access change), and a single
 * signed-out token (its `jti`) is refused until it expires.
 */
export async function createLocalAuth(store: Store, options: { ttlSeconds?: number } = {}): Promise<WebAuth> {
  const key = await store.users.signingKey(generateSigningKey);
  const ttl = options.ttlSeconds ?? LOCAL_TOKEN_TTL_SECONDS;
  const verifier = createTokenVerifier({ kind: 'local', jwks: [key.publicJwk] }, async (p, payload) => {
    const user = await store.users.get(p.email);
    if (!user || user.disabled) throw new AuthError('This account is disabled or no longer exists.');
    if (user.role !== p.role || user.trustId !== p.trustId || (p.role === 'head' && user.schoolId !== p.schoolId)) {
      throw new AuthError('This account’s access changed since sign-in; sign in again.');
    }
    if (payload.sv !== (user.sessionVersion ?? 0)) throw new AuthError('This sign-in has ended (signed out everywhere, or the password or access changed); sign in again.');
    if (typeof payload.jti !== 'string' || user.revokedTokens?.has(`${payload.exp}.${payload.jti}`)) throw new AuthError('This sign-in has ended (signed out); sign in again.');
    if (user.mustChangePassword) p.mustChangePassword = true;
  });
  const issue = (user: UserRecord) =>
    signLocalToken(key, { subject: `local:${user.email}`, email: user.email, role: user.role, trustId: user.trustId, schoolId: user.schoolId, sessionVersion: user.sessionVersion ?? 0 }, ttl);
  return {
    mode: 'local',
    verifier,
    async passwordLogin(email, password) {
      const user = email.length <= 254 ? await store.users.get(email.trim()) : undefined;
      const ok = await verifyPassword(password.slice(0, 1024), user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok || user.disabled) return undefined;
      return issue(user);
    },
    async reissue(email) {
      const user = await store.users.get(email);
      return user && !user.disabled ? issue(user) : undefined;
    },
    async signOut(token, everywhere) {
      const p = await verifier.verify(token);
      const [, body] = token.split('.');
      const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as { jti: string; exp: number };
      if (everywhere) await store.users.endSessions(p.email, new Date().toISOString());
      else await store.users.revokeToken(p.email, claims.jti, claims.exp, Math.floor(Date.now() / 1000));
    },
  };
}

/** AWS: Cognito ID tokens (hosted sign-in), verified with aws-jwt-verify's CognitoJwtVerifier. */
export function createCognitoAuth(config: { userPoolId: string; clientId: string; domain?: string; fetch?: typeof fetch }): WebAuth {
  return {
    mode: 'cognito',
    verifier: createTokenVerifier({ kind: 'cognito', userPoolId: config.userPoolId, clientId: config.clientId }),
    hostedUi: config.domain ? { domain: config.domain.replace(/\/+$/, ''), clientId: config.clientId, fetch: config.fetch } : undefined,
  };
}

/** Reads COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID and (optional) COGNITO_DOMAIN; there is no way to run without auth. */
export function cognitoAuthFromEnv(env: Record<string, string | undefined> = process.env): WebAuth {
  const userPoolId = env.COGNITO_USER_POOL_ID;
  const clientId = env.COGNITO_CLIENT_ID;
  if (!userPoolId || !clientId) {
    throw new Error('The web function needs COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID (set by the Auth construct’s connect()); it will not serve without sign-in.');
  }
  return createCognitoAuth({ userPoolId, clientId, domain: env.COGNITO_DOMAIN || undefined });
}
