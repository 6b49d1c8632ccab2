import type { Db, Queryable } from '../../platform/db.js';
import type { AuthUser } from '../../platform/http.js';
import { AppError } from '../../platform/errors.js';
import type { GeoService } from '../geo/index.js';
import { isPhoneBanned } from '../reports/index.js';
import * as repository from './seekers.repository.js';
import type { PreferencesBody } from '../../../../contracts/recommendations.js';
import type { Profile, ProfileInput } from './seekers.schemas.js';

export function createSeekersService(deps: { db: Db; geo: GeoService }) {
  const { db, geo } = deps;
  return {
    /** The quick profile (no résumé needed): it is what an application carries. */
    async saveProfile(user: AuthUser, input: ProfileInput): Promise<Profile> {
      geo.getCity(input.homeCityCode, 'body.homeCityCode');
      if (input.currentCityCode) geo.getCity(input.currentCityCode, 'body.currentCityCode');
      input.desiredCategories.forEach((code, index) => geo.getCategory(code, `body.desiredCategories.${index}`));
      // A banned number stays banned: it cannot come back as the contact of another account's profile.
      if (await isPhoneBanned(db, input.phone)) {
        throw new AppError('forbidden', 'body.phone: this phone number is blocked / 该手机号已被封禁', { fields: [{ path: 'body.phone', message: 'This phone number is blocked / 该手机号已被封禁' }] });
      }
      await repository.upsertProfile(db, user.id, input);
      return (await repository.findProfileByUserId(db, user.id))!;
    },

    /**
     * The first-use sheet's choices (current city, desired categories) for 附近 and 推荐. They live in the quick
     * profile: before it exists the web app keeps them on the phone and sends them with each request.
     */
    async savePreferences(user: AuthUser, input: PreferencesBody): Promise<Profile> {
      if (input.currentCityCode) geo.getCity(input.currentCityCode, 'body.currentCityCode');
      input.desiredCategories.forEach((code, index) => geo.getCategory(code, `body.desiredCategories.${index}`));
      const desiredCategories = [...new Set(input.desiredCategories)];
      if (!(await repository.updatePreferences(db, user.id, input.currentCityCode, desiredCategories))) {
        throw new AppError('conflict', 'Fill in your quick profile first / 请先填写快速简历', { reason: 'no_profile' });
      }
      return (await repository.findProfileByUserId(db, user.id))!;
    },

    /** The 微信号 given while accepting 交换微信 (inside the conversation's transaction); false without a quick profile. */
    saveWechatId(tx: Queryable, userId: string, wechatId: string) {
      return repository.updateWechatId(tx, userId, wechatId);
    },

    findProfile(userId: string) {
      return repository.findProfileByUserId(db, userId);
    },
  };
}

export type SeekersService = ReturnType<typeof createSeekersService>;
