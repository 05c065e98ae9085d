import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../lib/auth/password';
import { AuthError, canSeeSchool, principalFromClaims } from '../../lib/auth/principal';
import { LoginRateLimiter } from '../../lib/auth/rate-limit';
import { createTokenVerifier, generateSigningKey, signLocalToken } from '../../lib/auth/tokens';

describe('principalFromClaims', () => {
  const base = { sub: 's1', email: 'Head@School.example', 'custom:trust_id': 'meridian', 'custom:school_id': 'northgate' };
  it('maps Cognito claims to a principal; highest group wins', () => {
    expect(principalFromClaims({ ...base, 'cognito:groups': ['head'] })).toEqual({ subject: 's1', email: 'head@school.example', role: 'head', trustId: 'meridian', schoolId: 'northgate' });
    const admin = principalFromClaims({ ...base, 'cognito:groups': ['head', 'admin'] });
    expect(admin.role).toBe('admin');
    expect(admin.schoolId).toBeUndefined();
  });
  it('refuses tokens without a role, a trust, or (for heads) a school', () => {
    expect(() => principalFromClaims({ ...base, 'cognito:groups': ['teachers'] })).toThrow(AuthError);
    expect(() => principalFromClaims({ ...base, 'cognito:groups': ['trust'], 'custom:trust_id': undefined })).toThrow(/trust_id/);
    expect(() => principalFromClaims({ ...base, 'cognito:groups': ['trust'], 'custom:trust_id': 'BAD ID' })).toThrow(AuthError);
    expect(() => principalFromClaims({ ...base, 'cognito:groups': ['head'], 'custom:school_id': undefined })).toThrow(/school_id/);
  });
  it('decides school visibility from the principal alone', () => {
    const head = principalFromClaims({ ...base, 'cognito:groups': ['head'] });
    const trust = principalFromClaims({ ...base, 'cognito:groups': ['trust'] });
    expect(canSeeSchool(head, 'meridian', 'northgate')).toBe(true);
    expect(canSeeSchool(head, 'meridian', 'kestrel')).toBe(false);
    expect(canSeeSchool(trust, 'meridian', 'kestrel')).toBe(true);
    expect(canSeeSchool(trust, 'harbour', 'northgate')).toBe(false);
  });
});

describe('local RS256 tokens through the aws-jwt-verify path', () => {
  const key = generateSigningKey();
  const verifier = createTokenVerifier({ kind: 'local', jwks: [key.publicJwk] });
  const who = { subject: 'local:a', email: 'a@x.example', role: 'trust' as const, trustId: 'meridian' };

  it('verifies its own tokens', async () => {
    const { token } = signLocalToken(key, who, 600);
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'trust', trustId: 'meridian', email: 'a@x.example' });
  });
  it('rejects expired, tampered and foreign-key tokens', async () => {
    await expect(verifier.verify(signLocalToken(key, who, 60, Date.now() - 3600_000).token)).rejects.toThrow(AuthError);
    const { token } = signLocalToken(key, who, 600);
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const elevated = Buffer.from(JSON.stringify({ ...payload, 'cognito:groups': ['admin'] })).toString('base64url');
    await expect(verifier.verify(`${h}.${elevated}.${s}`)).rejects.toThrow(AuthError);
    await expect(verifier.verify(signLocalToken(generateSigningKey(), who, 600).token)).rejects.toThrow(AuthError);
  });
  it('a Cognito verifier does not accept a local token', async () => {
    const cognito = createTokenVerifier({ kind: 'cognito', userPoolId: 'eu-west-2_abcdefghi', clientId: 'client123' });
    await expect(cognito.verify(signLocalToken(key, who, 600).token)).rejects.toThrow(AuthError);
  });
});

describe('passwords', () => {
  it('hashes with scrypt and a salt, and verifies in constant time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('LoginRateLimiter', () => {
  it('blocks an account after 5 failures in the window and frees it after', () => {
    let now = 0;
    const limiter = new LoginRateLimiter({ perAccount: 5, perIp: 100, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfter('ip', 'a@x')).toBe(0);
      limiter.fail('ip', 'A@x');
    }
    expect(limiter.retryAfter('ip', 'a@x')).toBe(60);
    expect(limiter.retryAfter('ip', 'b@x')).toBe(0);
    now = 60_001;
    expect(limiter.retryAfter('ip', 'a@x')).toBe(0);
  });
  it('blocks an IP that tries many accounts', () => {
    const limiter = new LoginRateLimiter({ perAccount: 5, perIp: 3, windowMs: 60_000 }, () => 0);
    for (const e of ['a', 'b', 'c']) limiter.fail('ip', e);
    expect(limiter.retryAfter('ip', 'd')).toBeGreaterThan(0);
    expect(limiter.retryAfter('other-ip', 'd')).toBe(0);
  });
});
