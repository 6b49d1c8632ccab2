/**
 * The definition printed next to each figure (Chinese / English). The same text is in docs/IMPACT.md; the
 * window is whole China-time days, both ends included, and the region is the job's city unless said.
 */
export const MEASURED_DEFINITIONS = {
  hires: '录用：录用时间在时间范围内的报名（按岗位所在城市），与简历流动分析的录用数一致 / applications hired in the window (by hire date, job city), the same count as the analytics’ totals.hires',
  onboarded: '入职：时间范围内记录且有效（未被撤销）的“入职”操作所涉及的报名数 / applications with an effective onboard recorded in the window',
  stayed7Days: '7天留存：时间范围内记录且有效的“确认在职满7天”所涉及的报名数 / applications with an effective 7-day stay confirmed in the window',
  activeHosts: '活跃主播：在时间范围内开播（直播中或已结束）的场次的主持账号数，按场次所在地区；含企业招聘官与人社部门自己主持的 / distinct hosts of the sessions held in the window and region (live or ended), whoever hosted: host, employer or bureau accounts (activeHostsByRole)',
  activeRecruiters: '活跃招聘官：时间范围内对该地区岗位的报名做过至少一次有效操作（查看、联系、面试、录用等）的企业账号数，按企业类型分列 / distinct employer accounts with at least one effective pipeline action in the window on an application to a job in the region, by their company’s account type (activeRecruitersByAccountType)',
} as const;

export const OPEN_DEFINITIONS = {
  sessions: '场次：开播（直播中或已结束）时间在范围内的场次，按场次所在城市（未设城市时按省）/ sessions that went live in the window, by the session’s city (or province)',
  bureauSessions: '人社部门场次：其中由人社部门账号主持的场次 / of those, sessions hosted by a bureau account',
  companies: '提供岗位企业：下列岗位所属企业数 / distinct companies of the jobs below',
  jobs: '岗位：有效期与时间范围重叠且在范围开始前未关闭的岗位，按岗位所在城市 / jobs whose validity overlaps the window, not closed before it began, by job city',
  viewers: '观众：上述场次的去重观众（同一人看多场只计一次）/ unique viewers of those sessions (a person in several counts once)',
  applications: '报名：报名时间在范围内的报名（按岗位所在城市）/ applications sent in the window (job city)',
  hires: '录用：同 measured.hires / as measured.hires',
  medianHoursToFirstContact: '首次联系用时（中位数，小时）：首次有效联系或面试邀约在范围内的报名，从报名到该时刻 / median hours from application to the first effective contact or interview invitation, for first contacts in the window; null: no data (数据不足)',
  medianHoursToHire: '录用用时（中位数，小时）：范围内录用的报名，从报名到录用 / median hours from application to hire, for hires in the window; null: no data (数据不足)',
  sevenDayAttrition: '7天流失率：范围内记录的7天结果中“7天内离职”的占比 = 离职 ÷ (离职 + 留存)；尚未到7天回访的不计入（待回访）/ of the 7-day outcomes recorded in the window, the share who left: left ÷ (left + stayed); hires not yet due for the check are not counted; null: none recorded (数据不足)',
  awaitingSevenDayCheck: '待回访：范围内有效入职、至今尚未记录7天结果（留存或离职）的报名数；只有待回访而没有结果时，7天流失率显示“待回访”，不是 0% / applications onboarded in the window (effective) with no 7-day outcome recorded yet; when there are only these and no outcome, the 7-day attrition reads “awaiting the 7-day check”, never 0 %',
  sevenDayAttritionSeries: '7天流失率走势：同上口径，按记录7天结果的周（窗口不超过62天，周一起）或月（更长窗口）分段，首尾段截至窗口边界；某段没有结果时为“数据不足”，不是 0% / the same share per week (windows up to 62 days; weeks from Monday) or month (longer windows) in which the outcome was recorded, the first and last periods clipped to the window; a period with no outcome reads “not enough data”, never 0 %',
  bestSessionsByWeeklyHires: '一周录用最多的场次：范围内开播的场次，开播后7天内录用的（该地区岗位的）报名数，前5名 / sessions held in the window by hires (jobs in the region) within 7 days of going live, top 5 — the 蒙阴 story as a figure',
} as const;

/** With a campaign, every figure keeps its definition, narrowed to what came through the campaign's sessions. */
export const CAMPAIGN_NOTE =
  '活动：仅统计该活动场次带来的报名；场次为活动内场次，岗位为这些场次中展示的岗位，主播为这些场次的主持人 / campaign: only applications through the campaign’s sessions; sessions are its sessions, jobs those presented in them, hosts their hosts';
