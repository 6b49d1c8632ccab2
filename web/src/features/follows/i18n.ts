import { registerTranslations } from '../../app/i18n';

const zh = {
  follow: '关注',
  following: '已关注',
  followName: '关注 {{name}}',
  followingName: '已关注 {{name}}',
  followedToast: '已关注，开播和预告时会提醒你',
  unfollowedToast: '已取消关注',
  signInToFollow: '登录后即可关注，开播时提醒你',
  page: {
    title: '我的关注',
    subtitle: '关注的企业和主播开播、预告时会提醒你',
    companies: '关注的企业',
    hosts: '关注的主播',
    empty: '还没有关注任何企业或主播',
    emptyHint: '在企业主页、主播主页或直播间点「关注」',
    toLive: '去看直播',
  },
};

const en: typeof zh = {
  follow: 'Follow',
  following: 'Following',
  followName: 'Follow {{name}}',
  followingName: 'Following {{name}}',
  followedToast: 'Following: you will be told when they go live or schedule a session',
  unfollowedToast: 'Unfollowed',
  signInToFollow: 'Sign in to follow and be told when they go live',
  page: {
    title: 'Following',
    subtitle: 'You are told when the companies and hosts you follow go live or schedule a session',
    companies: 'Companies',
    hosts: 'Hosts',
    empty: 'You do not follow any company or host yet',
    emptyHint: 'Tap “Follow” on a company page, a host page or in a live room',
    toLive: 'Live sessions',
  },
};

export const FOLLOWS_NS = registerTranslations('follows', { zh, en });
