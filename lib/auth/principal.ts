import { z } from 'zod';

export const ROLES = ['admin', 'trust', 'head'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is asking, as proven by a verified token. Every scope decision (which trust, which school) is made
 * from this object, and it is only ever built from verified claims by `principalFromClaims`.
 */
export interface Principal {
  /** Token subject (Cognito `sub`, or the local user's id). */
  subject: string;
  email: string;
  role: Role;
  trustId: string;
  /** Set for heads (their one school); ignored for trust and admin roles. */
  schoolId?: string;
  /**
   * Local sign-in only: the user's password was issued by an admin or the CLI and must be changed before
   * anything else works. Read from the user record on every request (never from the token).
   */
  mustChangePassword?: boolean;
}

/** The token is missing, invalid, expired, or its claims do not describe a usable principal. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
}

/** Claim names: Cognito's, and the local issuer writes the same ones so both go through one mapping. */
export const CLAIMS = {
  groups: 'cognito:groups',
  trustId: 'custom:trust_id',
  schoolId: 'custom:school_id',
} as const;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** Highest privilege wins when a user is in several groups (Cognito precedence: admin 0, trust 1, head 2). */
function roleFrom(groups: unknown): Role | undefined {
  const list = Array.isArray(groups) ? groups : typeof groups === 'string' ? [groups] : [];
  return ROLES.find((r) => list.includes(r));
}

/** Verified token payload → Principal. Throws AuthError when the claims do not give a complete tenant. */
export function principalFromClaims(payload: Record<string, unknown>): Principal {
  const role = roleFrom(payload[CLAIMS.groups]);
  if (!role) throw new AuthError('The token carries no Schoolwatch role (cognito:groups must include admin, trust or head).');
  const trustId = Id.safeParse(payload[CLAIMS.trustId]);
  if (!trustId.success) throw new AuthError('The token has no valid custom:trust_id.');
  const subject = typeof payload.sub === 'string' && payload.sub ? payload.sub : undefined;
  if (!subject) throw new AuthError('The token has no subject.');
  const email = typeof payload.email === 'string' ? payload.email.toLowerCase() : subject;
  const principal: Principal = { subject, email, role, trustId: trustId.data };
  if (role === 'head') {
    const schoolId = Id.safeParse(payload[CLAIMS.schoolId]);
    if (!schoolId.success) throw new AuthError('A head’s token must carry custom:school_id.');
    principal.schoolId = schoolId.data;
  }
  return principal;
}

/** Which schools a principal may see: every school of the trust, or the head's one school. */
export function canSeeSchool(p: Principal, trustId: string, schoolId: string): boolean {
  if (trustId !== p.trustId) return false;
  return p.role === 'head' ? schoolId === p.schoolId : true;
}
