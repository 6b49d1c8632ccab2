import { registerTranslations } from '../../app/i18n';

const zh = {
  back: '返回',
  verified: '已认证',
  verifiedHint: '营业执照已由平台审核',
  hrLicence: '人力资源服务许可证 {{number}}',
  accountTypeHint: {
    direct: '企业直招：由用工企业自己招聘',
    agency: '中介代招：由人力资源机构代企业招聘，求职者无需缴纳任何费用',
    dispatch: '劳务派遣：与派遣单位签合同，派到用工企业工作，求职者无需缴纳任何费用',
    public: '公共就业服务：人社部门等公共机构发布',
  },
  jobs: '在招岗位',
  jobsCount: '在招岗位 · {{count}}',
  noJobs: '暂无在招岗位',
  upcoming: '正在直播和即将开播',
  replays: '往期回放',
  noUpcoming: '暂无即将开播的直播',
  noReplays: '暂无回放',
  companyNotFound: '企业不存在或暂未开放',
  companyNotFoundHint: '该企业未通过审核或已被暂停，暂不对求职者展示',
  hostNotFound: '主播不存在或暂未开放',
  toJobs: '去看岗位',
  toLive: '去看直播',
  hostRoles: { host: '带岗主播', employer: '企业招聘官', bureau: '人社部门', admin: '平台' },
  hostCounts: '直播 {{live}} · 预告 {{scheduled}} · 回放 {{ended}}',
};

const en: typeof zh = {
  back: 'Back',
  verified: 'Verified',
  verifiedHint: 'Business licence checked by the platform',
  hrLicence: 'HR service licence {{number}}',
  accountTypeHint: {
    direct: 'Direct employer: the company hires for itself',
    agency: 'Agency: an HR firm recruits for the employer; seekers never pay any fee',
    dispatch: 'Labour dispatch: contract with the dispatch firm, work at the employer; seekers never pay any fee',
    public: 'Public employment service (e.g. a human-resources bureau)',
  },
  jobs: 'Open jobs',
  jobsCount: 'Open jobs · {{count}}',
  noJobs: 'No open jobs right now',
  upcoming: 'Live now and coming up',
  replays: 'Replays',
  noUpcoming: 'No upcoming sessions',
  noReplays: 'No replays yet',
  companyNotFound: 'This company does not exist or is not public',
  companyNotFoundHint: 'It has not been verified or was suspended, so seekers cannot see it',
  hostNotFound: 'This host does not exist or is not public',
  toJobs: 'Browse jobs',
  toLive: 'Live sessions',
  hostRoles: { host: 'Recruitment host', employer: 'Company recruiter', bureau: 'Employment bureau', admin: 'Platform' },
  hostCounts: 'Live {{live}} · Upcoming {{scheduled}} · Replays {{ended}}',
};

export const PROFILES_NS = registerTranslations('profiles', { zh, en });
