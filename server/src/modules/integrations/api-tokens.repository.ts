import type { Queryable } from '../../platform/db.js';
import type { AuthUser, Role } from '../../platform/http.js';

export type ApiTokenAccess = 'read' | 'write';
export type ApiTokenScope = { companyId: string; provinceCode: null } | { companyId: null; provinceCode: string };

export type ApiTokenRow = {
  id: string;
  name: string;
  tokenPrefix: string;
  access: ApiTokenAccess;
  createdByName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const TOKEN_COLUMNS = `t.id, t.name, t.token_prefix as "tokenPrefix", t.access, u.display_name as "createdByName",
  t.created_at as "createdAt", t.last_used_at as "lastUsedAt", t.revoked_at as "revokedAt"`;

export async function insertApiToken(db: Queryable, row: { name: string; tokenHash: string; tokenPrefix: string; access: ApiTokenAccess; createdByUserId: string } & ApiTokenScope): Promise<ApiTokenRow> {
  const [{ id }] = await db.query<{ id: string }>(
    `insert into api_tokens (name, token_hash, token_prefix, access, created_by_user_id, company_id, province_code)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [row.name, row.tokenHash, row.tokenPrefix, row.access, row.createdByUserId, row.companyId, row.provinceCode],
  );
  return (await listApiTokensByScope(db, row, id))[0]!;
}

/** The tokens of a company or a province (newest first); `id` narrows it to one. */
export function listApiTokensByScope(db: Queryable, scope: ApiTokenScope, id: string | null = null) {
  return db.query<ApiTokenRow>(
    `select ${TOKEN_COLUMNS} from api_tokens t join users u on u.id = t.created_by_user_id
      where (t.company_id = $1 or t.province_code = $2) and ($3::uuid is null or t.id = $3)
      order by t.created_at desc, t.id`,
    [scope.companyId, scope.provinceCode, id],
  );
}

/** Revokes a token of the scope; false when the scope has no such token that is still valid. */
export async function revokeApiToken(db: Queryable, scope: ApiTokenScope, id: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `update api_tokens set revoked_at = now()
      where id = $1 and (company_id = $2 or province_code = $3) and revoked_at is null returning id`,
    [id, scope.companyId, scope.provinceCode],
  );
  return rows.length > 0;
}

/**
 * The account a valid token acts as: not revoked, its maker neither banned nor deleted, and still in the token's
 * company or province (someone who left the company takes none of its tokens along).
 */
export async function findUserByApiTokenHash(db: Queryable, tokenHash: string): Promise<{ tokenId: string; access: ApiTokenAccess; user: AuthUser } | null> {
  const [row] = await db.query<{ tokenId: string; access: ApiTokenAccess; id: string; role: Role; displayName: string; email: string | null; phone: string | null; companyId: string | null; provinceCode: string | null }>(
    `select t.id as "tokenId", t.access, u.id, u.role, u.display_name as "displayName", u.email, u.phone,
            u.company_id as "companyId", u.province_code as "provinceCode"
       from api_tokens t join users u on u.id = t.created_by_user_id
      where t.token_hash = $1 and t.revoked_at is null and u.banned_at is null and u.deleted_at is null
        and ((t.company_id is not null and u.role = 'employer' and u.company_id = t.company_id)
          or (t.province_code is not null and u.role = 'bureau' and u.province_code = t.province_code))`,
    [tokenHash],
  );
  if (!row) return null;
  const { tokenId, access, ...user } = row;
  return { tokenId, access, user };
}

/** Marks a token used, at most once a minute (the console shows when it was last used). */
export async function touchApiToken(db: Queryable, tokenId: string) {
  await db.query(`update api_tokens set last_used_at = now() where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`, [tokenId]);
}
