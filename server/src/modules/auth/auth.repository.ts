import type { Queryable } from '../../platform/db.js';
import type { AuthUser, Role } from '../../platform/http.js';

type UserRow = {
  id: string;
  role: Role;
  display_name: string;
  email: string | null;
  phone: string | null;
  company_id: string | null;
  province_code: string | null;
};

const USER_COLUMNS = 'u.id, u.role, u.display_name, u.email, u.phone, u.company_id, u.province_code';

function toAuthUser(row: UserRow): AuthUser {
  return {
    id: row.id,
    role: row.role,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    companyId: row.company_id,
    provinceCode: row.province_code,
  };
}

export type NewUser = {
  role: Role;
  email: string | null;
  phone: string | null;
  passwordHash: string;
  displayName: string;
  provinceCode?: string | null;
  isSynthetic?: boolean;
};

export async function insertUser(db: Queryable, user: NewUser): Promise<AuthUser> {
  const [row] = await db.query<UserRow>(
    `insert into users (role, email, phone, password_hash, display_name, province_code, is_synthetic)
     values ($1, $2, $3, $4, $5, $6, $7)
     returning id, role, display_name, email, phone, company_id, province_code`,
    [user.role, user.email, user.phone, user.passwordHash, user.displayName, user.provinceCode ?? null, user.isSynthetic ?? false],
  );
  return toAuthUser(row);
}

export async function findUserCredentialsByLogin(db: Queryable, login: string) {
  const [row] = await db.query<UserRow & { password_hash: string; banned_at: Date | null }>(
    `select ${USER_COLUMNS}, u.password_hash, u.banned_at from users u where u.email = $1 or u.phone = $1`,
    [login],
  );
  return row ? { user: toAuthUser(row), passwordHash: row.password_hash, isBanned: row.banned_at !== null } : null;
}

export async function findUserById(db: Queryable, userId: string): Promise<AuthUser | null> {
  const [row] = await db.query<UserRow>(`select ${USER_COLUMNS} from users u where u.id = $1`, [userId]);
  return row ? toAuthUser(row) : null;
}

export async function findUserIdByEmailOrPhone(db: Queryable, email: string | null, phone: string | null) {
  const [row] = await db.query<{ id: string }>('select id from users where email = $1 or phone = $2', [email, phone]);
  return row?.id ?? null;
}

export async function insertAuthSession(db: Queryable, tokenHash: string, userId: string, expiresAt: Date) {
  await db.query('insert into auth_sessions (token_hash, user_id, expires_at) values ($1, $2, $3)', [tokenHash, userId, expiresAt]);
}

export async function findUserBySessionTokenHash(db: Queryable, tokenHash: string): Promise<AuthUser | null> {
  const [row] = await db.query<UserRow>(
    `select ${USER_COLUMNS}
     from auth_sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now() and u.banned_at is null`,
    [tokenHash],
  );
  return row ? toAuthUser(row) : null;
}

export async function deleteAuthSession(db: Queryable, tokenHash: string) {
  await db.query('delete from auth_sessions where token_hash = $1', [tokenHash]);
}

export async function deleteExpiredAuthSessionsOfUser(db: Queryable, userId: string) {
  await db.query('delete from auth_sessions where user_id = $1 and expires_at <= now()', [userId]);
}

export async function updateUserCompany(db: Queryable, userId: string, companyId: string) {
  await db.query('update users set company_id = $2 where id = $1', [userId, companyId]);
}
