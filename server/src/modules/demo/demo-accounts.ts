// The demo accounts: fixed, documented credentials for trying every role. Plain data with no imports, so the
// README, the CLI and the web can all show the same list. They exist only where demo data was seeded
// (JOBCAST_DEMO_DATA=auto on an empty database, or `jobcast seed`); never seed a public production server.

export const DEMO_PASSWORD = 'jobcast-demo';

export type DemoAccountRole = 'admin' | 'bureau' | 'host' | 'employer' | 'seeker';

export type DemoAccount = {
  key: 'admin' | 'bureau' | 'host' | 'employer' | 'agency' | 'seeker';
  role: DemoAccountRole;
  /** What to type in the sign-in form's login field (email, or phone for the seeker). */
  login: string;
  password: string;
  displayName: string;
  description: { zh: string; en: string };
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    key: 'admin',
    role: 'admin',
    login: 'admin@jobcast.demo',
    password: DEMO_PASSWORD,
    displayName: '平台管理员（演示）',
    description: { zh: '平台管理员：审核企业（待审核队列里有演示企业）、查看平台数据', en: 'Platform admin: verifies companies (the queue has demo companies), sees platform analytics' },
  },
  {
    key: 'bureau',
    role: 'bureau',
    login: 'bureau@jobcast.demo',
    password: DEMO_PASSWORD,
    displayName: '江苏省人社厅（演示）',
    description: { zh: '人社部门，所属省份江苏：查看本省直播带岗数据', en: 'Employment bureau for Jiangsu: sees the province’s dashboards' },
  },
  {
    key: 'host',
    role: 'host',
    login: 'host@jobcast.demo',
    password: DEMO_PASSWORD,
    displayName: '带岗主播小杨（演示）',
    description: { zh: '带岗主播：主持过多场直播带岗（含回放）', en: 'Host: has run many live recruitment sessions (with replays)' },
  },
  {
    key: 'employer',
    role: 'employer',
    login: 'employer@jobcast.demo',
    password: DEMO_PASSWORD,
    displayName: '苏州工厂招聘专员（演示）',
    description: { zh: '招聘企业（自招，已认证）：苏州的电子厂，报名处于各个阶段，有到期的7天回访和待进行的面试', en: 'Employer member of a verified direct employer (an electronics plant in Suzhou): applications at every stage, 7-day checks due, interviews ahead' },
  },
  {
    key: 'agency',
    role: 'employer',
    login: 'agency@jobcast.demo',
    password: DEMO_PASSWORD,
    displayName: '人力资源公司顾问（演示）',
    description: { zh: '中介代招（已认证，持人力资源服务许可证）：为多地工厂代招', en: 'Employer member of a verified agency (中介代招) with an HR service licence, recruiting for plants in several cities' },
  },
  {
    key: 'seeker',
    role: 'seeker',
    login: '13800000001',
    password: DEMO_PASSWORD,
    displayName: '求职者小王（演示）',
    description: { zh: '求职者：已有快速简历，多份报名处于不同阶段，有一个面试邀请待确认', en: 'Job seeker with a quick profile, applications in several states and an interview invitation to answer' },
  },
];
