// What the synthetic world is made of, and how it is calibrated to the report (../shared/seed: 快聘's
// application flows, 2022-08-01 … 2023-01-31). Shares and weights are inputs to exact apportionment, so
// the calibrated figures (category mix, top-3 cities per category, Suzhou's attractiveness) hold for every
// seed; the seed decides names, pay, who applies to which job and when.

/** Applications at scale 1; `--scale N` multiplies applications and seekers (jobs and sessions stay). */
export const BASE_APPLICATIONS = 6000;

/** The report's window, China Standard Time, both days included. */
export const WINDOW_FROM = '2022-08-01';
export const WINDOW_TO = '2023-01-31';

/** Fixed anchor for accounts and companies: they "joined" before the window opened. */
export const PLATFORM_OPENED = '2022-06-01';

export type IndustryWeight = readonly [industryCode: string, weight: number];
export type CityWeight = readonly [cityShortName: string, weight: number];

export type CategoryPlan = {
  code: string;
  /** Share of all applications (normalised over the table). */
  share: number;
  industries: readonly IndustryWeight[];
  /** Receiving cities; the first three are the report's top 3 for the ten report categories. */
  cities: readonly CityWeight[];
  /** Pay: monthly range in yuan at a tier-2 city; hourly wage (工价) offered with this probability. */
  pay: { monthlyMin: readonly [number, number]; spread: readonly [number, number]; hourly: readonly [number, number]; hourlyChance: number; dailyPayChance: number };
  shifts: readonly (readonly [shift: ShiftPattern, weight: number])[];
  housing: readonly (readonly [housing: Housing, weight: number])[];
  meals: readonly (readonly [meals: Meals, weight: number])[];
  headcount: readonly [number, number];
  requirements: readonly string[];
};

export type ShiftPattern = 'day_shift' | 'two_shifts' | 'three_shifts' | 'night_shift' | 'flexible' | 'six_on_one_off';
export type Housing = 'none' | 'dormitory' | 'couple_room';
export type Meals = 'none' | 'free' | 'allowance';

const FACTORY_HOUSING = [['dormitory', 6], ['couple_room', 3], ['none', 1]] as const;
const FACTORY_MEALS = [['free', 4], ['allowance', 5], ['none', 1]] as const;
const CITY_HOUSING = [['none', 5], ['dormitory', 4], ['couple_room', 1]] as const;
const CITY_MEALS = [['allowance', 4], ['free', 4], ['none', 2]] as const;

// The report's ten categories in its order, then smaller ones kept below 客服 so the top 10 match.
// Manufacturing (industry C) comes to about 69 % of applications: 普工, 技工 and the factory trades are all
// C, and part of 配送仓储 and 司机 jobs are in factories.
export const CATEGORY_PLANS: readonly CategoryPlan[] = [
  {
    code: 'general_worker', share: 51, industries: [['C', 1]],
    cities: [['苏州', 22], ['天津', 14], ['杭州', 10], ['东莞', 6], ['无锡', 5.5], ['宁波', 5], ['深圳', 4.5], ['常州', 4], ['南京', 3], ['嘉兴', 3], ['合肥', 3], ['郑州', 2.5], ['佛山', 2.5], ['重庆', 2], ['成都', 2], ['南通', 2], ['青岛', 1.5], ['泉州', 1.5], ['上海', 1.5], ['惠州', 1.5], ['中山', 1], ['芜湖', 1], ['武汉', 1]],
    pay: { monthlyMin: [5200, 6200], spread: [1500, 2800], hourly: [19, 25], hourlyChance: 0.6, dailyPayChance: 0.15 },
    shifts: [['two_shifts', 5], ['day_shift', 4], ['six_on_one_off', 1]], housing: FACTORY_HOUSING, meals: FACTORY_MEALS, headcount: [20, 300],
    requirements: ['身体健康，能适应站立作业', '无需经验，岗前带薪培训', '初中及以上文化，认识26个英文字母', '服从车间安排，遵守安全操作规程', '视力良好，能做精细活', '能长期稳定工作'],
  },
  {
    code: 'skilled_worker', share: 13, industries: [['C', 1]],
    cities: [['天津', 16], ['常州', 12], ['苏州', 10], ['无锡', 6], ['东莞', 6], ['宁波', 5], ['深圳', 5], ['南京', 4], ['杭州', 4], ['青岛', 3], ['佛山', 3], ['合肥', 3], ['武汉', 3], ['西安', 2.5], ['长沙', 2.5], ['重庆', 2], ['芜湖', 2], ['潍坊', 2]],
    pay: { monthlyMin: [7000, 8500], spread: [2000, 4000], hourly: [28, 38], hourlyChance: 0.2, dailyPayChance: 0.05 },
    shifts: [['day_shift', 5], ['two_shifts', 4], ['six_on_one_off', 1]], housing: FACTORY_HOUSING, meals: FACTORY_MEALS, headcount: [3, 40],
    requirements: ['有1年以上相关工作经验', '能看懂机械图纸', '会使用常用量具', '持相关操作证的优先安排', '责任心强，能配合生产计划'],
  },
  {
    code: 'delivery_warehouse', share: 7.5, industries: [['G', 1], ['C', 1]],
    cities: [['北京', 16], ['苏州', 12], ['临沂', 9], ['上海', 6], ['广州', 6], ['天津', 5], ['杭州', 5], ['武汉', 4], ['成都', 4], ['郑州', 4], ['深圳', 4], ['廊坊', 3], ['嘉兴', 3], ['金华', 3], ['济南', 2.5]],
    pay: { monthlyMin: [5500, 6500], spread: [1500, 3000], hourly: [20, 26], hourlyChance: 0.4, dailyPayChance: 0.3 },
    shifts: [['two_shifts', 4], ['day_shift', 3], ['night_shift', 2], ['flexible', 1]], housing: FACTORY_HOUSING, meals: CITY_MEALS, headcount: [5, 80],
    requirements: ['身体健康，能适应搬运和分拣工作', '会使用手持终端扫码，可培训', '做事细心，能适应夜班', '有仓库工作经验的优先安排'],
  },
  {
    code: 'construction_decoration', share: 5.5, industries: [['E', 1]],
    cities: [['长春', 15], ['天津', 12], ['广州', 9], ['北京', 6], ['上海', 6], ['成都', 5], ['重庆', 5], ['西安', 5], ['郑州', 4], ['武汉', 4], ['深圳', 4], ['哈尔滨', 3], ['沈阳', 3], ['长沙', 3], ['南宁', 2.5]],
    pay: { monthlyMin: [8000, 10000], spread: [2000, 5000], hourly: [30, 45], hourlyChance: 0.2, dailyPayChance: 0.6 },
    shifts: [['day_shift', 6], ['flexible', 2], ['six_on_one_off', 2]], housing: [['dormitory', 6], ['none', 3], ['couple_room', 1]], meals: [['free', 4], ['allowance', 4], ['none', 2]], headcount: [3, 60],
    requirements: ['有施工经验，能独立完成本工种作业', '特种作业岗位须持证上岗', '服从工地安全管理，按规定佩戴安全帽', '能看懂施工图的优先安排'],
  },
  {
    code: 'express_warehouse', share: 5, industries: [['G', 1]],
    cities: [['苏州', 16], ['北京', 12], ['临沂', 9], ['上海', 6], ['杭州', 6], ['广州', 5], ['金华', 5], ['郑州', 4], ['武汉', 4], ['天津', 4], ['成都', 3.5], ['深圳', 3.5], ['廊坊', 3], ['济南', 2.5]],
    pay: { monthlyMin: [5500, 6500], spread: [1500, 2500], hourly: [20, 25], hourlyChance: 0.7, dailyPayChance: 0.5 },
    shifts: [['night_shift', 4], ['two_shifts', 4], ['flexible', 2]], housing: FACTORY_HOUSING, meals: CITY_MEALS, headcount: [10, 150],
    requirements: ['身体健康，能适应夜班分拣', '能适应旺季加班', '会使用巴枪扫描，可现场培训', '做事认真，不漏扫不错分'],
  },
  {
    code: 'driver', share: 4.5, industries: [['G', 3], ['C', 1]],
    cities: [['东莞', 15], ['昆明', 11], ['上海', 8], ['深圳', 6], ['广州', 5], ['北京', 5], ['成都', 5], ['重庆', 4], ['天津', 4], ['苏州', 4], ['杭州', 4], ['武汉', 3], ['郑州', 3], ['西安', 3], ['长沙', 2.5]],
    pay: { monthlyMin: [7000, 8500], spread: [2000, 4000], hourly: [30, 40], hourlyChance: 0.1, dailyPayChance: 0.1 },
    shifts: [['day_shift', 5], ['flexible', 3], ['two_shifts', 2]], housing: CITY_HOUSING, meals: CITY_MEALS, headcount: [2, 30],
    requirements: ['持C1及以上驾驶证，3年以上驾龄', '熟悉本地路线，会使用导航', '无重大事故记录', '能配合装卸货'],
  },
  {
    code: 'security_guard', share: 4, industries: [['L', 1]],
    cities: [['北京', 16], ['天津', 12], ['青岛', 9], ['上海', 6], ['深圳', 5], ['广州', 5], ['苏州', 5], ['杭州', 4], ['成都', 4], ['南京', 3.5], ['济南', 3.5], ['石家庄', 3], ['沈阳', 3], ['武汉', 3]],
    pay: { monthlyMin: [4200, 5200], spread: [800, 1500], hourly: [18, 22], hourlyChance: 0.1, dailyPayChance: 0.05 },
    shifts: [['two_shifts', 5], ['day_shift', 2], ['three_shifts', 3]], housing: [['dormitory', 6], ['none', 4]], meals: CITY_MEALS, headcount: [2, 30],
    requirements: ['身体健康，有责任心', '持保安员证的优先安排，无证可协助办理', '能适应倒班和夜间巡逻', '服从管理，着装整洁'],
  },
  {
    code: 'housekeeping_cleaner', share: 3.4, industries: [['O', 1]],
    cities: [['深圳', 15], ['北京', 12], ['广州', 9], ['上海', 6], ['杭州', 5], ['成都', 5], ['南京', 4], ['武汉', 4], ['苏州', 4], ['长沙', 3.5], ['西安', 3], ['厦门', 3], ['重庆', 3]],
    pay: { monthlyMin: [5000, 6500], spread: [1500, 3500], hourly: [25, 40], hourlyChance: 0.3, dailyPayChance: 0.2 },
    shifts: [['day_shift', 5], ['flexible', 5]], housing: [['none', 5], ['dormitory', 5]], meals: [['free', 5], ['none', 3], ['allowance', 2]], headcount: [2, 20],
    requirements: ['有家政或保洁经验的优先安排', '持健康证，没有的可入职后办理', '会做家常菜（住家岗位）', '做事细致，守时守信'],
  },
  {
    code: 'food_service', share: 3, industries: [['H', 1]],
    cities: [['北京', 15], ['苏州', 11], ['上海', 9], ['广州', 6], ['深圳', 6], ['杭州', 5], ['成都', 5], ['重庆', 5], ['武汉', 4], ['南京', 4], ['长沙', 4], ['西安', 3], ['天津', 3]],
    pay: { monthlyMin: [4500, 5500], spread: [800, 1800], hourly: [18, 24], hourlyChance: 0.3, dailyPayChance: 0.15 },
    shifts: [['flexible', 4], ['day_shift', 3], ['six_on_one_off', 3]], housing: [['dormitory', 6], ['none', 4]], meals: [['free', 8], ['allowance', 2]], headcount: [2, 20],
    requirements: ['持健康证，没有的可入职后办理', '服务意识好，能适应周末和节假日上班', '无经验可带薪培训', '会说普通话'],
  },
  {
    code: 'customer_service', share: 2.6, industries: [['I', 3], ['L', 2]],
    cities: [['潍坊', 14], ['石家庄', 11], ['临沂', 9], ['郑州', 6], ['合肥', 5], ['济南', 5], ['成都', 5], ['西安', 5], ['武汉', 4], ['长沙', 4], ['南昌', 4], ['太原', 3.5], ['哈尔滨', 3]],
    pay: { monthlyMin: [4500, 5500], spread: [1000, 2500], hourly: [18, 22], hourlyChance: 0.05, dailyPayChance: 0 },
    shifts: [['two_shifts', 4], ['day_shift', 4], ['six_on_one_off', 2]], housing: [['none', 7], ['dormitory', 3]], meals: [['allowance', 6], ['none', 2], ['free', 2]], headcount: [5, 60],
    requirements: ['普通话标准，会基本电脑操作', '打字每分钟40字以上', '有耐心，沟通表达清楚', '无经验可带薪培训'],
  },
  {
    code: 'quality_inspector', share: 1.4, industries: [['C', 1]],
    cities: [['苏州', 5], ['东莞', 4], ['深圳', 3], ['无锡', 3], ['宁波', 2], ['常州', 2]],
    pay: { monthlyMin: [5500, 6500], spread: [1000, 2000], hourly: [21, 26], hourlyChance: 0.4, dailyPayChance: 0.05 },
    shifts: [['two_shifts', 5], ['day_shift', 5]], housing: FACTORY_HOUSING, meals: FACTORY_MEALS, headcount: [2, 30],
    requirements: ['视力良好，能分辨颜色', '会使用卡尺等量具，可培训', '做事细心，有品质意识'],
  },
  {
    code: 'welder', share: 0.8, industries: [['C', 1]],
    cities: [['天津', 4], ['常州', 3], ['南通', 3], ['青岛', 2]],
    pay: { monthlyMin: [8000, 9500], spread: [2000, 4000], hourly: [30, 40], hourlyChance: 0.3, dailyPayChance: 0.1 },
    shifts: [['day_shift', 6], ['two_shifts', 4]], housing: FACTORY_HOUSING, meals: FACTORY_MEALS, headcount: [2, 20],
    requirements: ['持焊工证上岗', '会二保焊或氩弧焊', '能看懂焊接图纸'],
  },
  {
    code: 'electrician', share: 0.6, industries: [['C', 1]],
    cities: [['苏州', 3], ['天津', 3], ['常州', 2]],
    pay: { monthlyMin: [7000, 8500], spread: [1500, 3000], hourly: [28, 35], hourlyChance: 0.1, dailyPayChance: 0 },
    shifts: [['day_shift', 5], ['two_shifts', 5]], housing: FACTORY_HOUSING, meals: FACTORY_MEALS, headcount: [1, 6],
    requirements: ['持低压电工证上岗', '会设备日常保养和故障排查', '有工厂维修经验的优先安排'],
  },
  {
    code: 'forklift_driver', share: 0.5, industries: [['C', 3], ['G', 2]],
    cities: [['苏州', 3], ['嘉兴', 2], ['上海', 2]],
    pay: { monthlyMin: [6500, 7500], spread: [1000, 2000], hourly: [24, 30], hourlyChance: 0.3, dailyPayChance: 0.1 },
    shifts: [['two_shifts', 5], ['day_shift', 5]], housing: FACTORY_HOUSING, meals: FACTORY_MEALS, headcount: [1, 10],
    requirements: ['持叉车证上岗', '熟练驾驶电动叉车', '注意作业安全'],
  },
  {
    code: 'cook', share: 0.25, industries: [['H', 1]],
    cities: [['北京', 2], ['成都', 2]],
    pay: { monthlyMin: [6500, 8000], spread: [1500, 3000], hourly: [28, 35], hourlyChance: 0, dailyPayChance: 0 },
    shifts: [['day_shift', 5], ['six_on_one_off', 5]], housing: [['dormitory', 7], ['none', 3]], meals: [['free', 1]], headcount: [1, 5],
    requirements: ['持健康证', '会做川菜或家常菜', '有食堂或餐厅后厨经验'],
  },
  {
    code: 'sales', share: 0.2, industries: [['F', 1]],
    cities: [['杭州', 2], ['广州', 2]],
    pay: { monthlyMin: [4500, 5500], spread: [2000, 5000], hourly: [20, 25], hourlyChance: 0, dailyPayChance: 0 },
    shifts: [['six_on_one_off', 5], ['flexible', 5]], housing: CITY_HOUSING, meals: CITY_MEALS, headcount: [2, 15],
    requirements: ['沟通能力好，喜欢和人打交道', '底薪加提成，无经验可培训'],
  },
  {
    code: 'caregiver', share: 0.1, industries: [['Q', 1]],
    cities: [['北京', 1], ['上海', 1]],
    pay: { monthlyMin: [5500, 6500], spread: [1000, 2500], hourly: [25, 30], hourlyChance: 0, dailyPayChance: 0 },
    shifts: [['two_shifts', 5], ['day_shift', 5]], housing: [['dormitory', 1]], meals: [['free', 1]], headcount: [2, 20],
    requirements: ['有护理经验的优先安排', '有耐心和爱心', '持健康证，没有的可入职后办理'],
  },
  {
    code: 'courier', share: 0.1, industries: [['G', 1]],
    cities: [['上海', 1], ['北京', 1]],
    pay: { monthlyMin: [6500, 7500], spread: [2000, 4000], hourly: [25, 30], hourlyChance: 0, dailyPayChance: 0.2 },
    shifts: [['day_shift', 6], ['flexible', 4]], housing: CITY_HOUSING, meals: CITY_MEALS, headcount: [3, 30],
    requirements: ['会骑电动车，熟悉片区道路', '能吃苦，按时派送'],
  },
  {
    code: 'food_delivery_rider', share: 0.05, industries: [['I', 1]],
    cities: [['深圳', 1]],
    pay: { monthlyMin: [6000, 7000], spread: [2000, 5000], hourly: [25, 30], hourlyChance: 0, dailyPayChance: 0.5 },
    shifts: [['flexible', 1]], housing: [['none', 1]], meals: [['none', 1]], headcount: [10, 100],
    requirements: ['会骑电动车，会使用导航', '时间自由，多劳多得'],
  },
];

/** The ten categories of the report's top-3 table, in its order, with its three cities each. */
export const REPORT_TOP_CITIES: readonly { category: string; cities: readonly [string, string, string] }[] = [
  { category: '普工', cities: ['苏州', '天津', '杭州'] },
  { category: '技工', cities: ['天津', '常州', '苏州'] },
  { category: '配送仓储工人', cities: ['北京', '苏州', '临沂'] },
  { category: '建筑装修工人', cities: ['长春', '天津', '广州'] },
  { category: '快递仓储工人', cities: ['苏州', '北京', '临沂'] },
  { category: '司机', cities: ['东莞', '昆明', '上海'] },
  { category: '保安', cities: ['北京', '天津', '青岛'] },
  { category: '家政保洁员', cities: ['深圳', '北京', '广州'] },
  { category: '餐饮服务人员', cities: ['北京', '苏州', '上海'] },
  { category: '客服', cities: ['潍坊', '石家庄', '临沂'] },
];

/** Where seekers live (sent city): lower-tier cities of labour-exporting provinces dominate. */
export const HOME_TIER_WEIGHTS: Record<string, number> = { '1': 0.5, new1: 0.8, '2': 1.1, '3': 1.6, '4': 1.9, '5': 1.3 };
export const HOME_PROVINCE_WEIGHTS: Record<string, number> = {
  '41': 2.4, '34': 2.2, '51': 1.9, '52': 1.8, '43': 1.6, '36': 1.5, '45': 1.5, '62': 1.3, '53': 1.3, '50': 3.0, '42': 1.2,
  '13': 1.2, '37': 1.1, '23': 1.0, '22': 0.9, '61': 1.1, '14': 0.9, '32': 0.7, '33': 0.4, '44': 0.5, '35': 0.5, '15': 0.6,
  '21': 0.8, '11': 1.0, '12': 1.0, '31': 0.8, '46': 0.3, '64': 0.5, '63': 0.4, '65': 0.4, '54': 0.1,
};
/** Suzhou's own residents send this share of all applications: enough to be ranked (sent ≥ 30 at scale 1). */
export const SUZHOU_SENT_SHARE = 0.0075;
/** Every other city's attractiveness is kept at or below this fraction of Suzhou's. */
export const OTHER_CITY_INDEX_CAP = 0.5;

/** Manufacturing lines: a factory's name and its jobs' titles follow its line. */
export const MANUFACTURING_LINES: readonly { key: string; nameWords: readonly string[]; titles: Record<string, readonly string[]> }[] = [
  { key: 'electronics', nameWords: ['精密电子', '电子科技', '光电科技'], titles: { general_worker: ['电子厂普工', 'SMT操作员', '手机组装普工', '电子厂包装工'], skilled_worker: ['SMT技术员', '设备维修技工'], quality_inspector: ['IPQC质检员', '来料检验员'] } },
  { key: 'auto', nameWords: ['汽车零部件', '汽车配件'], titles: { general_worker: ['汽车零部件普工', '总装线操作工'], skilled_worker: ['CNC数控操作工', '模具钳工'], quality_inspector: ['零部件检验员'] } },
  { key: 'battery', nameWords: ['新能源科技', '储能科技'], titles: { general_worker: ['锂电池车间普工', '电芯装配操作工'], skilled_worker: ['设备调试技工'], quality_inspector: ['电池检测员'] } },
  { key: 'solar', nameWords: ['光伏科技', '新材料'], titles: { general_worker: ['光伏组件普工', '硅片分选员'], skilled_worker: ['设备维修技工'], quality_inspector: ['组件质检员'] } },
  { key: 'food', nameWords: ['食品', '食品科技'], titles: { general_worker: ['食品厂包装工', '烘焙车间普工'], skilled_worker: ['生产线机修工'], quality_inspector: ['食品品控员'] } },
  { key: 'garment', nameWords: ['服饰', '纺织'], titles: { general_worker: ['服装厂车位工', '纺织厂挡车工'], skilled_worker: ['服装版房技工'], quality_inspector: ['成衣检验员'] } },
  { key: 'appliance', nameWords: ['电器', '智能家电'], titles: { general_worker: ['家电装配工', '空调总装普工'], skilled_worker: ['钣金技工', '注塑调机技工'], quality_inspector: ['成品检验员'] } },
  { key: 'machinery', nameWords: ['机械', '精工机械'], titles: { general_worker: ['机加工操作工', '装配车间普工'], skilled_worker: ['CNC数控操作工', '车床技工'], quality_inspector: ['三坐标检验员'] } },
];

/** Job titles by category for posters that are not factories (and fallbacks for factories). */
export const CATEGORY_TITLES: Record<string, readonly string[]> = {
  general_worker: ['流水线操作工', '包装普工', '注塑车间普工'],
  skilled_worker: ['CNC数控操作工', '设备维修技工', '模具钳工'],
  delivery_warehouse: ['仓库分拣员', '配送中心理货员', '电商仓库拣货员', '冷链仓库搬运工', '成品仓仓管员'],
  construction_decoration: ['木工', '瓦工', '钢筋工', '水电工', '油漆工', '架子工'],
  express_warehouse: ['快递分拣员', '转运中心装卸工', '快递仓库扫描员', '夜班分拣员'],
  driver: ['厢式货车司机', '同城配送司机', '冷链车司机', '厂车司机'],
  security_guard: ['小区保安', '工厂门岗保安', '商场安保员', '写字楼保安'],
  housekeeping_cleaner: ['住家保姆', '育儿嫂', '保洁员', '家政钟点工'],
  food_service: ['餐厅服务员', '后厨帮工', '传菜员', '门店收银员'],
  customer_service: ['电话客服', '在线客服', '电商售后客服', '热线客服专员'],
  quality_inspector: ['品检员', '质检员'],
  welder: ['二保焊焊工', '氩弧焊工'],
  electrician: ['设备电工', '维修电工'],
  forklift_driver: ['叉车工', '仓库叉车司机'],
  cook: ['中餐厨师', '食堂厨师'],
  sales: ['门店销售', '家电导购'],
  caregiver: ['医院护工', '养老院护理员'],
  courier: ['快递派件员'],
  food_delivery_rider: ['外卖骑手'],
};

/** Sector of a direct employer, from the job's category and industry: decides its name. */
export type Sector = 'manufacturing' | 'logistics' | 'express' | 'construction' | 'catering' | 'housekeeping' | 'security' | 'callcenter' | 'retail' | 'care' | 'platform';

export const SECTOR_NAME_WORDS: Record<Sector, readonly string[]> = {
  manufacturing: [],
  logistics: ['供应链管理', '物流', '仓储服务', '运输'],
  express: ['速运', '快运', '速递'],
  construction: ['建设工程', '装饰工程', '建筑劳务'],
  catering: ['餐饮管理', '餐饮'],
  housekeeping: ['家政服务', '物业服务'],
  security: ['保安服务'],
  callcenter: ['信息技术', '商务服务'],
  retail: ['商贸', '电器销售'],
  care: ['养老服务', '护理服务'],
  platform: ['网络科技', '同城科技'],
};

/** Two characters from here make a company's brand (字号); combined with a city and sector word. */
export const BRAND_CHARACTERS = '恒瑞丰华鑫泰博达晟宏嘉盛信润锦诚德源兴联凯康远汇航宇辰腾卓弘启铭睿新安众骏昊峰利通顺和美佳祥茂昌旭升永福金广合盈欣';

/** Province abbreviations, for HR service licence numbers (人服证字). */
export const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏', '33': '浙',
  '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼', '50': '渝',
  '51': '川', '52': '黔', '53': '滇', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新',
};

/** Staffing firms: 中介代招 (agency) and 劳务派遣 (dispatch), by city; they post jobs in many cities. */
export const AGENCY_CITIES = ['苏州', '东莞', '郑州', '成都', '天津', '杭州'] as const;
export const DISPATCH_CITIES = ['上海', '深圳', '武汉', '青岛'] as const;
/** Public employment services (公共) that post jobs for local employers. */
export const PUBLIC_SERVICE_CITIES = ['苏州', '长春'] as const;

/** Common surnames with rough frequency weights, and characters for given names. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 71], ['张', 68], ['刘', 53], ['陈', 46], ['杨', 34], ['黄', 24], ['赵', 22], ['吴', 21], ['周', 21], ['徐', 16], ['孙', 15],
  ['马', 14], ['朱', 13], ['胡', 12], ['郭', 12], ['何', 12], ['林', 11], ['高', 11], ['罗', 11], ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 7],
  ['唐', 7], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 7], ['彭', 6], ['曾', 6], ['肖', 6], ['田', 6], ['董', 5], ['袁', 5], ['潘', 5],
  ['于', 5], ['蒋', 5], ['蔡', 5], ['余', 5], ['杜', 5], ['叶', 5], ['程', 5], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
];
export const GIVEN_NAME_CHARACTERS = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志红梅海燕文斌飞亮宇浩凯春雪梦晨欣怡佳俊峰林雷波健斌婷丹瑶晶春生福贵德成';

export const HOST_NAMES = ['招聘师老李', '带岗主播阿峰', '主播小周', '老乡帮找工作阿梅', '带岗主播大刘', '招聘师小陈', '主播燕子'];

export const SESSION_START_MINUTES = [10 * 60, 14 * 60, 15 * 60, 19 * 60, 19 * 60 + 30, 20 * 60];

export const EXTRA_BENEFITS = ['五险一金', '入职即缴五险', '满勤奖300元/月', '加班按1.5倍计薪', '节日福利', '带薪年假', '免费岗前培训', '每月准时发薪', '工龄奖', '高温补贴', '生日福利', '宿舍有空调热水和WiFi'];

export const SHIFT_LABELS: Record<ShiftPattern, string> = {
  day_shift: '长白班',
  two_shifts: '两班倒',
  three_shifts: '三班倒',
  night_shift: '夜班',
  flexible: '弹性排班',
  six_on_one_off: '做六休一',
};

export const SEEKER_SKILLS = ['会开叉车', '会电脑打字', '会看图纸', '有电工证', '有C1驾照', '会简单维修', '会做饭'];

export const REJECTION_REASON = '营业执照与人力资源服务许可证上的名称不一致，请上传清晰的证照后重新提交 / The names on the business licence and the HR service licence differ; please resubmit with clear copies';
