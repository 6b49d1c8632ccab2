import { registerTranslations } from '../../app/i18n';

// 附近's location bar (loaded with it, not on the first screen).
const zh = {
  sortedFrom: '按离{{city}}的距离排序',
  fromDevice: '（你的位置）',
  fromHome: '（你的家乡，未获得位置）',
  fromChoice: '（你选的城市）',
  useLocation: '用我的位置',
  locating: '正在获取位置…',
  ask: '看看离你近的岗位：点「用我的位置」，只保存你所在的城市，不保存精确位置',
  denied: '没有获得位置权限，已按你的家乡排序',
  deniedNoHome: '没有获得位置权限，请选择你所在的城市',
  unavailable: '暂时无法获取位置，请选择你所在的城市',
  chooseCity: '选择城市',
};

const en: typeof zh = {
  sortedFrom: 'Nearest to {{city}} first',
  fromDevice: ' (your location)',
  fromHome: ' (your home town: no location)',
  fromChoice: ' (the city you chose)',
  useLocation: 'Use my location',
  locating: 'Finding your location…',
  ask: 'See jobs near you: tap “Use my location”. Only your city is kept, never your exact position.',
  denied: 'No location permission: sorted from your home town',
  deniedNoHome: 'No location permission: choose the city you are in',
  unavailable: 'Your location is not available right now: choose the city you are in',
  chooseCity: 'Choose a city',
};

export const NEAR_NS = registerTranslations('jobs-near', { zh, en });
