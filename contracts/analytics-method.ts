// The definitions behind the resume-flow figures (issue 5), stated once: the report's method section and
// the dashboard both show this text. Change it only together with the SQL in
// server/src/modules/analytics/analytics.repository.ts.

export type MethodItem = { term: { zh: string; en: string }; zh: string; en: string };

export const METHOD_ITEMS: MethodItem[] = [
  {
    term: { zh: '数据来源', en: 'Source' },
    zh: 'Jobcast 平台的投递记录：直播间、回放、岗位页的一键投递，以及从其他渠道导入（jobcast import applications）的投递。每条投递在发送时计数一次；投递记录保存发送时的求职者常住城市、岗位城市、岗位类别和行业，之后修改资料不影响统计。',
    en: "Applications on this Jobcast server: one-tap applications from live rooms, replays and job pages, plus applications imported from other channels (jobcast import applications). An application counts once, when it was sent; it keeps the seeker's home city, the job's city, category and industry as they were then, so later edits do not change the figures.",
  },
  {
    term: { zh: '时间窗口', en: 'Window' },
    zh: '按中国标准时间（Asia/Shanghai，UTC+8）的整日计算，起止两日均包含。例如 2022-07-31T16:00:00Z 属于 2022-08-01。',
    en: 'Whole days in China Standard Time (Asia/Shanghai, UTC+8), both ends included: 2022-07-31T16:00:00Z falls on 2022-08-01.',
  },
  {
    term: { zh: '投递城市与接收城市', en: 'Sent and received city' },
    zh: '投递城市是求职者投递时的常住城市；接收城市是岗位的工作城市。',
    en: "The sent city is the seeker's home city when applying; the received city is the job's work city.",
  },
  {
    term: { zh: '地域', en: 'Region' },
    zh: '选定省份或城市时，一条投递的接收城市在该地域内即计入；吸引力指数列出该地域内的城市，其投递数按求职者所在城市统计（不论投向何处）。',
    en: "With a province or city selected, an application is in the region when its received city is. Attractiveness lists the region's cities and counts their sent applications by the seeker's city, wherever they went.",
  },
  {
    term: { zh: '行业分布', en: 'industries' },
    zh: '按岗位所属行业（GB/T 4754-2017 门类）统计投递数，占比 = 该行业投递数 ÷ 投递总数（四位小数）。',
    en: "Applications by the job's industry (GB/T 4754-2017 section); share = the industry's applications ÷ all applications (4 decimals).",
  },
  {
    term: { zh: '岗位 Top 10', en: 'topCategories' },
    zh: '投递数最多的 10 个岗位类别。',
    en: 'The 10 job categories with the most applications.',
  },
  {
    term: { zh: '分岗位城市 Top 3', en: 'topCitiesByCategory' },
    zh: '上述每个岗位类别中，接收投递最多的 3 个城市。',
    en: 'For each of those categories, the 3 received cities with the most applications.',
  },
  {
    term: { zh: '省份 Top 10', en: 'topProvinces' },
    zh: '接收投递最多的 10 个省份（按岗位城市所在省份）。',
    en: "The 10 provinces receiving the most applications (the job city's province).",
  },
  {
    term: { zh: '城市就业吸引力指数', en: 'attractiveness' },
    zh: '指数 = 该城市接收的投递数 ÷ 该城市求职者发出的投递数。只有发出投递数 ≥ minSent（默认 30）的城市参与排名；按指数从高到低（显示四位小数），指数相同时接收数多者在前，再按城市代码。',
    en: "index = applications received by jobs in the city ÷ applications sent by seekers living there. Only cities with sent ≥ minSent (default 30) are ranked, by index (shown to 4 decimals), then by more received, then by city code.",
  },
  {
    term: { zh: '线级城市流动', en: 'tierFlows' },
    zh: '投递数按（投递城市线级 → 接收城市线级）统计，线级为一线、新一线、二线、三线、四线、五线（城市参考表，可随线级调整而更新）。',
    en: "Applications by (sent city's tier → received city's tier): 1, new 1, 2, 3, 4, 5, from the city reference table.",
  },
  {
    term: { zh: '直播带岗规模', en: 'totals' },
    zh: 'applications：窗口内的投递数。sessions：开播时间（未记录时为计划开始时间）在窗口内、且已开播（直播中或已结束）的直播场次，地域按场次所在城市（只登记省份的按省份）。jobs：有效期与窗口有交集、且并非在窗口开始前就已关闭的岗位，地域按岗位城市。companies：上述岗位所属的企业数（提供岗位企业数）。hires：录用时间在窗口内的投递数，地域按岗位城市。导入的投递计入所有投递类指标，但不附带岗位和企业档案，因此不计入 jobs 和 companies。',
    en: "applications: applications sent in the window. sessions: live sessions that went live (live or ended) with their go-live time (else their scheduled start) in the window; region by the session's city, or its province when only that is set. jobs: jobs whose validity period overlaps the window and that were not closed before it began; region by the job's city. companies: distinct companies of those jobs (companies offering jobs). hires: applications whose hire date falls in the window; region by the job's city. Imported applications count in every application figure but bring no job or company record, so they add nothing to jobs and companies.",
  },
  {
    term: { zh: '并列', en: 'Ties' },
    zh: '数量多者在前；相同则代码小者在前（城市 6 位、省份 2 位行政区划代码；岗位类别按目录顺序；行业按门类字母），再按名称。',
    en: 'Higher count first; then the lower code (6-digit city and 2-digit province codes; catalogue order for categories; section letter for industries); then the name.',
  },
  {
    term: { zh: '公开数据', en: 'Public figures' },
    zh: '公开页面和公开接口中，小于 10 的计数一律不显示（null，并标记 suppressed）。同一计数会出现在多个图表中（总数与各列表、岗位与其城市、城市接收数与其岗位城市、省份与其城市、线级流动与该线级城市），凡能由同一份结果中已公开的数值相减推算出被隐藏数值的，再隐藏其中最小的已公开值，直到无法推算。不同时间窗口或不同地域之间的结果相减不在此保护范围内。',
    en: 'On the public page and API every count below 10 is withheld (null, suppressed: true). The same counts appear in several figures (the total and each list, a category and its cities, a city and its top-3 cells, a province and its cities, tier flows and the cities of each tier); wherever the published values of one response would let a withheld count be recovered by subtraction, the smallest published value involved is withheld too, until none can be. Subtracting the results of different windows or regions is not prevented.',
  },
  {
    term: { zh: '计算方式', en: 'Computation' },
    zh: '全部指标由 SQL 计算：按日、按月汇总表随投递写入由数据库触发器维护，窗口内的整月读月表、其余日期读日表；也可从原始投递表直接复算（jobcast analytics --source raw），两者结果一致并有测试保证。',
    en: 'Every figure is SQL over daily and monthly rollups that database triggers maintain as applications arrive (whole months from the monthly rows, the edge days from the daily ones); the same SQL over the raw applications table (jobcast analytics --source raw) gives identical results, which the tests check.',
  },
  {
    term: { zh: '地图', en: 'Map' },
    zh: '地图底图来自配置项 ANALYTICS_MAP_GEOJSON（默认为项目内的示意省界数据）。在中国境内公开展示地图须使用经审核的标准地图并标注审图号，请替换为获批底图。',
    en: 'The base map is the GeoJSON named by ANALYTICS_MAP_GEOJSON (by default the project\'s illustrative province outlines). A map shown to the public in China must use an approved standard base map with its approval number (审图号): replace the file with the approved one.',
  },
];

export const SYNTHETIC_NOTICE = {
  zh: '本窗口内含合成演示数据（由种子生成器生成），不代表真实招聘情况。',
  en: 'This window contains synthetic demo data from a seeded generator; it does not describe real hiring.',
};
