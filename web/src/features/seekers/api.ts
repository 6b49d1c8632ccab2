import { api } from '../../app/api';

/** GET/PUT /api/seeker/profile (server/src/modules/seekers/seekers.schemas.ts). */
export type Profile = {
  userId: string;
  name: string;
  phone: string;
  homeCityCode: string;
  homeCityName: string;
  currentCityCode: string | null;
  currentCityName: string | null;
  desiredCategories: string[];
  experience: string | null;
  skills: string | null;
  /** 微信号: shown to a company only after the seeker accepts its 交换微信 request. */
  wechatId: string | null;
  updatedAt: string;
};

export type ProfileInput = {
  name: string;
  phone: string;
  homeCityCode: string;
  currentCityCode: string | null;
  desiredCategories: string[];
  experience: string | null;
  skills: string | null;
  /** Left out: the stored one stays; null clears it. */
  wechatId?: string | null;
};

export const getProfile = () => api.get<{ profile: Profile | null }>('/api/seeker/profile');
export const saveProfile = (input: ProfileInput) => api.put<Profile>('/api/seeker/profile', input);
