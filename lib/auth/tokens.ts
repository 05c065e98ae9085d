import { createPrivateKey, generateKeyPairSync, randomUUID, sign, createPublicKey } from 'node:crypto';
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { AuthError, CLAIMS, principalFromClaims, type Principal, type Role } from './principal';

/** The local issuer's RS256 key pair, generated once and kept in the local table. */
export interface SigningKey {
  kid: string;
  privateKeyPem: string;
  publicJwk: { kty: 'RSA'; n: string; e: string; kid: string; alg: 'RS256'; use: 'sig' };
}

export const LOCAL_ISSUER = 'urn:schoolwatch:local';
export const LOCAL_AUDIENCE = 'schoolwatch-web';

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return {
    kid,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicJwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' },
  };
}

/** Public part of a PEM private key as a JWK (to check a stored pair is consistent). */
export function publicJwkOf(privateKeyPem: string): { n: string; e: string } {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ format: 'jwk' }) as { n: string; e: string };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface TokenSubject {
  subject: string;
  email: string;
  role: Role;
  trustId: string;
  schoolId?: string;
  /** Local tokens: the user's session version at sign-in (`sv`); a token whose `sv` is behind the user's is refused. */
  sessionVersion?: number;
}

/**
 * Signs an ID-token-shaped RS256 JWT with Cognito's claim names (`cognito:groups`, `custom:trust_id`,
 * `custom:school_id`), so local and Cognito tokens are read by the same claim mapping.
 */
export function signLocalToken(key: SigningKey, who: TokenSubject, ttlSeconds: number, now = Date.now()): { token: string; expiresAt: string } {
  const iat = Math.floor(now / 1000);
  const payload: Record<string, unknown> = {
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    token_use: 'id',
    sub: who.subject,
    email: who.email,
    [CLAIMS.groups]: [who.role],
    [CLAIMS.trustId]: who.trustId,
    ...(who.schoolId ? { [CLAIMS.schoolId]: who.schoolId } : {}),
    ...(who.sessionVersion !== undefined ? { sv: who.sessionVersion } : {}),
    iat,
    exp: iat + ttlSeconds,
    jti: randomUUID(),
  };
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${b64(payload)}`;
  const signature = sign('sha256', Buffer.from(input), createPrivateKey(key.privateKeyPem)).toString('base64url');
  return { token: `${input}.${signature}`, expiresAt: new Date((iat + ttlSeconds) * 1000).toISOString() };
}

/** Anything that turns a bearer/cookie token into a Principal, or throws AuthError. */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export type VerifierConfig =
  | { kind: 'cognito'; userPoolId: string; clientId: string }
  | { kind: 'local'; jwks: SigningKey['publicJwk'][] };

/**
 * THE verification path. Both modes use aws-jwt-verify (signature, alg, exp/nbf, iss, aud/client_id,
 * token_use), require `exp`, and use the same claim mapping; they differ only in where the public keys come from
 * (Cognito's JWKS URI vs the local key pair). There is no switch that skips verification.
 */
export function createTokenVerifier(config: VerifierConfig, after?: (p: Principal, payload: Record<string, unknown>) => Promise<void>): TokenVerifier {
  let verifyJwt: (token: string) => Promise<Record<string, unknown>>;
  if (config.kind === 'cognito') {
    const v = CognitoJwtVerifier.create({ userPoolId: config.userPoolId, clientId: config.clientId, tokenUse: 'id' });
    verifyJwt = async (t) => (await v.verify(t)) as unknown as Record<string, unknown>;
  } else {
    const v = JwtVerifier.create({
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      // Never fetched: the keys are cached below. aws-jwt-verify wants a URI to key its cache by.
      jwksUri: 'https://schoolwatch.invalid/.well-known/jwks.json',
      customJwtCheck: ({ header, payload }) => {
        if (header.alg !== 'RS256') throw new AuthError('Unexpected token algorithm');
        if (payload.token_use !== 'id') throw new AuthError('Not an ID token');
      },
    });
    v.cacheJwks({ keys: config.jwks });
    verifyJwt = async (t) => (await v.verify(t)) as unknown as Record<string, unknown>;
  }
  return {
    async verify(token: string): Promise<Principal> {
      let payload: Record<string, unknown>;
      try {
        payload = await verifyJwt(token);
      } catch (err) {
        throw new AuthError(`Invalid token: ${(err as Error).message}`, { cause: err });
      }
      // aws-jwt-verify checks `exp` only when present; a token that never expires is never accepted here.
      if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) throw new AuthError('Invalid token: it has no expiry (exp).');
      const principal = principalFromClaims(payload);
      await after?.(principal, payload);
      return principal;
    },
  };
}
