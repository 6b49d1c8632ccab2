import { registerTranslations } from '../../app/i18n';

const zh = {
  profile: {
    title: '我的简历',
    intro: '填好基本信息，报名时企业就能联系您。不用写长简历，1分钟搞定。',
    name: '姓名',
    phone: '手机号',
    phoneHint: '仅在您报名后对企业可见，平台默认隐藏中间四位',
    phoneInvalid: '请输入11位手机号',
    homeCity: '家乡（户籍所在城市）',
    currentCity: '现在所在城市',
    desiredCategories: '想做的工种',
    desiredCategoriesHint: '最多选10个',
    optional: '以下为选填',
    experience: '工作经历',
    experiencePlaceholder: '如：2019-2023 在昆山某电子厂做普工，熟悉流水线',
    skills: '技能证书',
    skillsPlaceholder: '如：叉车证、电工证、会开车（C1）',
    wechatId: '微信号（选填）',
    wechatIdHint: '只有你在沟通中同意「交换微信」的企业才能看到，每次查看都会记录',
    wechatIdInvalid: '微信号为6–20位字母、数字、下划线或减号，以字母开头（也可填手机号）',
    save: '保存简历',
    saved: '简历已保存',
    lastSaved: '上次保存：{{time}}',
    required: '必填',
  },
};

const en: typeof zh = {
  profile: {
    title: 'My profile',
    intro: 'A few details so employers can reach you when you apply. No long résumé needed: it takes a minute.',
    name: 'Name',
    phone: 'Mobile number',
    phoneHint: 'Shown to an employer only after you apply; masked by default',
    phoneInvalid: 'Enter an 11-digit mainland mobile number',
    homeCity: 'Home city (household registration)',
    currentCity: 'City you live in now',
    desiredCategories: 'Jobs you want',
    desiredCategoriesHint: 'Up to 10',
    optional: 'Optional',
    experience: 'Work experience',
    experiencePlaceholder: 'e.g. 2019–2023 assembly-line worker at an electronics factory in Kunshan',
    skills: 'Skills and certificates',
    skillsPlaceholder: 'e.g. forklift licence, electrician certificate, driving licence C1',
    wechatId: 'WeChat ID (optional)',
    wechatIdHint: 'Only employers whose “exchange WeChat” request you accept can see it; every look is logged',
    wechatIdInvalid: 'A WeChat ID has 6–20 letters, digits, _ or -, starting with a letter (or use your mobile number)',
    save: 'Save profile',
    saved: 'Profile saved',
    lastSaved: 'Last saved: {{time}}',
    required: 'Required',
  },
};

export const SEEKERS_NS = registerTranslations('seekers', { zh, en });
