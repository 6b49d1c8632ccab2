import type { Queryable } from '../../platform/db.js';
import type { Profile, ProfileInput } from './seekers.schemas.js';

export async function upsertProfile(db: Queryable, userId: string, input: ProfileInput) {
  await db.query(
    `insert into seeker_profiles (user_id, name, phone, home_city_code, current_city_code, desired_categories, experience, skills, wechat_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (user_id) do update set name = excluded.name, phone = excluded.phone, home_city_code = excluded.home_city_code,
       current_city_code = excluded.current_city_code, desired_categories = excluded.desired_categories,
       experience = excluded.experience, skills = excluded.skills,
       wechat_id = case when $10::boolean then excluded.wechat_id else seeker_profiles.wechat_id end, updated_at = now()`,
    [userId, input.name, input.phone, input.homeCityCode, input.currentCityCode ?? null, input.desiredCategories, input.experience ?? null, input.skills ?? null,
      input.wechatId ?? null, input.wechatId !== undefined],
  );
}

/** The first-use choices only (current city, desired categories); false when there is no profile yet. */
export async function updatePreferences(db: Queryable, userId: string, currentCityCode: string | null, desiredCategories: string[]) {
  const rows = await db.query<{ userId: string }>(
    `update seeker_profiles set current_city_code = $2, desired_categories = $3, updated_at = now() where user_id = $1 returning user_id as "userId"`,
    [userId, currentCityCode, desiredCategories],
  );
  return rows.length > 0;
}

export async function findProfileByUserId(db: Queryable, userId: string): Promise<Profile | null> {
  const [row] = await db.query<Profile>(
    `select p.user_id as "userId", p.name, p.phone, p.home_city_code as "homeCityCode", home.short_name as "homeCityName",
            p.current_city_code as "currentCityCode", current.short_name as "currentCityName",
            p.desired_categories as "desiredCategories", p.experience, p.skills, p.wechat_id as "wechatId", p.updated_at as "updatedAt"
     from seeker_profiles p
     join cities home on home.code = p.home_city_code
     left join cities current on current.code = p.current_city_code
     where p.user_id = $1`,
    [userId],
  );
  return row ?? null;
}

/** Sets the 微信号 the seeker gave while accepting 交换微信; false when there is no quick profile yet. */
export async function updateWechatId(db: Queryable, userId: string, wechatId: string) {
  const rows = await db.query<{ userId: string }>(
    'update seeker_profiles set wechat_id = $2, updated_at = now() where user_id = $1 returning user_id as "userId"',
    [userId, wechatId],
  );
  return rows.length > 0;
}
