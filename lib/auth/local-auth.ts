import type { Store } from '../store';
import { dummyHash, verifyPassword } from './password';
import { AuthError } from './principal';
import { createTokenVerifier, generateSigningKey, signLocalToken, type TokenVerifier } from './tokens';

/** What the web app needs to know about sign-in; built once at start-up. */
export interface WebAuth {
  mode: 'local' | 'cognito';
  verifier: TokenVerifier;
  /** Local mode: email + password → RS256 token (undefined when the pair is wrong or the user is disabled). */
  passwordLogin?: (email: string, password: string) => Promise<{ token: string; expiresAt: string } | undefined>;
  /** Cognito mode with a hosted domain: where to send people to sign in. */
  hostedUi?: { domain: string; clientId: string; fetch?: typeof fetch };
}

export const LOCAL_TOKEN_TTL_SECONDS = 8 * 3600;

/**
 * Local sign-in: users in the table, a key pair generated on first start and kept in the table, and
 * tokens verified by the same aws-jwt-verify path as Cognito's. A token stops working as soon as its user
 * is disabled or their role/trust/school changes (checked against the user record on every request).
 */
export async function createLocalAuth(store: Store, options: { ttlSeconds?: number } = {}): Promise<WebAuth> {
  const key = await store.users.signingKey(generateSigningKey);
  const ttl = options.ttlSeconds ?? LOCAL_TOKEN_TTL_SECONDS;
  const verifier = createTokenVerifier({ kind: 'local', jwks: [key.publicJwk] }, async (p) => {
    const user = await store.users.get(p.email);
    if (!user || user.disabled) throw new AuthError('This account is disabled or no longer exists.');
    if (user.role !== p.role || user.trustId !== p.trustId || (p.role === 'head' && user.schoolId !== p.schoolId)) {
      throw new AuthError('This account’s access changed since sign-in; sign in again.');
    }
    if (user.mustChangePassword) p.mustChangePassword = true;
  });
  return {
    mode: 'local',
    verifier,
    async passwordLogin(email, password) {
      const user = email.length <= 254 ? await store.users.get(email.trim()) : undefined;
      const ok = await verifyPassword(password.slice(0, 1024), user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok || user.disabled) return undefined;
      return signLocalToken(key, { subject: `local:${user.email}`, email: user.email, role: user.role, trustId: user.trustId, schoolId: user.schoolId }, ttl);
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
