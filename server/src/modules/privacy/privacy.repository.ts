import type { Queryable } from '../../platform/db.js';

export async function findAccount(db: Queryable, userId: string) {
  const [row] = await db.query<{
    id: string; role: string; displayName: string; email: string | null; phone: string | null; provinceCode: string | null;
    companyId: string | null; createdAt: Date; bannedAt: Date | null; deletedAt: Date | null;
  }>(
    `select id, role, display_name as "displayName", email, phone, province_code as "provinceCode", company_id as "companyId",
            created_at as "createdAt", banned_at as "bannedAt", deleted_at as "deletedAt"
     from users where id = $1`,
    [userId],
  );
  return row ?? null;
}

export async function findSeekerProfile(db: Queryable, userId: string) {
  const [row] = await db.query<Record<string, unknown>>(
    `select name, phone, home_city_code as "homeCityCode", current_city_code as "currentCityCode", desired_categories as "desiredCategories",
            experience, skills, wechat_id as "wechatId", updated_at as "updatedAt"
     from seeker_profiles where user_id = $1`,
    [userId],
  );
  return row ?? null;
}

export function listNotificationsOfUser(db: Queryable, userId: string) {
  return db.query<Record<string, unknown>>(
    `select kind, title, body, link, payload, created_at as "createdAt", read_at as "readAt" from notifications where user_id = $1 order by id`,
    [userId],
  );
}

/**
 * The account row stays as a tombstone (other tables point at it) with nothing personal left: no name,
 * phone or email, an unusable password, no sessions. A banned number stays on the blacklist.
 */
export async function eraseAccount(db: Queryable, userId: string, unusablePasswordHash: string, at: Date) {
  await db.query('delete from notifications where user_id = $1', [userId]);
  await db.query('delete from seeker_profiles where user_id = $1', [userId]);
  await db.query('delete from auth_sessions where user_id = $1', [userId]);
  // An email given at sign-up and not yet confirmed: the address is the person's, and its link must not work.
  await db.query('delete from email_confirmations where user_id = $1', [userId]);
  await db.query(
    `update users set email = 'deleted-' || id || '@deleted.invalid', phone = null, display_name = '已注销用户',
            password_hash = $2, province_code = null, deleted_at = $3
     where id = $1`,
    [userId, unusablePasswordHash, at],
  );
}
