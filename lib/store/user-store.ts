import type { Role } from '../auth/principal';
import type { SigningKey } from '../auth/tokens';
import { GSI1 } from './table';
import type { Item, TableItems } from './items';

/** A locally managed web user (Cognito holds users in AWS). Email is the id, stored lower-case. */
export interface UserRecord {
  email: string;
  role: Role;
  trustId: string;
  schoolId?: string;
  passwordHash: string;
  disabled: boolean;
  /**
   * The password was issued by someone else (an admin's "Add user"/"Reset password", or `cli user add`):
   * the user must choose their own before anything else works. Absent on older records = false.
   */
  mustChangePassword?: boolean;
  /**
   * Carried in every local token (`sv`) and checked on every request: raising it ends every session of the
   * user at once (password change or reset, "sign out everywhere", disable, role or school change). Never
   * lowered, so re-enabling a user does not revive old tokens. Absent on older records = 0.
   */
  sessionVersion?: number;
  /** Single sessions signed out before they expire: `exp.jti` of each token (pruned once expired). */
  revokedTokens?: Set<string>;
  /** Why the account is in its state, e.g. why it was disabled ("school northgate was removed …"). */
  note?: string;
  createdAt: string;
  updatedAt: string;
}

/** Raises the session version by one (DynamoDB ADD: atomic, starts from 0 on older records). */
const ENDS_SESSIONS = { add: { sessionVersion: 1 } };

const userKey = (email: string) => ({ PK: `USER#${email.toLowerCase()}`, SK: 'PROFILE' });
const signingKeyKey = { PK: 'AUTH', SK: 'SIGNING_KEY' };

/** Users (`USER#email`), listed per trust through GSI1 (`USERS` / `trustId#email`); and the local signing key. */
export class UserStore {
  constructor(private readonly items: TableItems) {}

  async get(email: string): Promise<UserRecord | undefined> {
    const row = await this.items.get(userKey(email));
    return row ? toUser(row) : undefined;
  }

  /** Creates the user; false when one with this email exists already. */
  async create(user: UserRecord): Promise<boolean> {
    return this.items.putIfAbsent(toItem(user));
  }

  /** Creates or replaces. */
  async save(user: UserRecord): Promise<void> {
    await this.items.put(toItem(user));
  }

  async list(trustId?: string): Promise<UserRecord[]> {
    const rows = await this.items.query('USERS', { prefix: trustId ? `${trustId}#` : '' }, { index: GSI1 });
    return rows.map(toUser);
  }

  /** Disabling (and re-enabling) ends the user's sessions. */
  async setDisabled(email: string, disabled: boolean, at: string): Promise<boolean> {
    return this.items.set(userKey(email), { disabled, updatedAt: at }, undefined, [], ENDS_SESSIONS);
  }

  /** "Sign out everywhere": every token issued so far stops working. */
  async endSessions(email: string, at: string): Promise<boolean> {
    return this.items.set(userKey(email), { updatedAt: at }, undefined, [], ENDS_SESSIONS);
  }

  /** Signs one token out (its `jti`, until its `exp` in epoch seconds); expired entries are pruned. */
  async revokeToken(email: string, jti: string, exp: number, nowSeconds: number): Promise<boolean> {
    const user = await this.get(email);
    if (!user) return false;
    const ok = await this.items.set(userKey(email), {}, undefined, [], { add: { revokedTokens: new Set([`${exp}.${jti}`]) } });
    const expired = [...(user.revokedTokens ?? [])].filter((t) => Number(t.split('.')[0]) < nowSeconds);
    if (expired.length) await this.items.set(userKey(email), {}, undefined, [], { delete: { revokedTokens: new Set(expired) } });
    return ok;
  }

  /**
   * Replaces the password hash (and whether it must be changed at next sign-in), ending the user's sessions. With `expectedHash`, only
   * while the stored hash is still that one (two changes at once: one wins). False when the user is gone.
   */
  async setPassword(email: string, passwordHash: string, mustChangePassword: boolean, at: string, expectedHash?: string): Promise<boolean> {
    return this.items.set(userKey(email), { passwordHash, mustChangePassword, updatedAt: at }, expectedHash ? { attr: 'passwordHash', equals: expectedHash } : undefined, [], ENDS_SESSIONS);
  }

  /** Disables the user and records why (shown to admins). False when the user is gone. */
  async disableWithNote(email: string, note: string, at: string): Promise<boolean> {
    return this.items.set(userKey(email), { disabled: true, note, updatedAt: at }, undefined, [], ENDS_SESSIONS);
  }

  /**
   * The local token-signing key pair, created on first use. Two processes starting at once both try a
   * conditional put; the loser reads the winner's key, so every process signs and verifies with one key.
   */
  async signingKey(generate: () => SigningKey): Promise<SigningKey> {
    const existing = await this.items.get(signingKeyKey);
    if (existing) return existing.key as SigningKey;
    const key = generate();
    if (await this.items.putIfAbsent({ ...signingKeyKey, key })) return key;
    const winner = await this.items.get(signingKeyKey);
    return winner!.key as SigningKey;
  }
}

function toItem(u: UserRecord): Item {
  const email = u.email.toLowerCase();
  return { ...userKey(email), GSI1PK: 'USERS', GSI1SK: `${u.trustId}#${email}`, kind: 'user', ...u, email };
}

function toUser(row: Item): UserRecord {
  const { PK: _p, SK: _s, GSI1PK: _g1, GSI1SK: _g2, kind: _k, ...rest } = row;
  return rest as unknown as UserRecord;
}
