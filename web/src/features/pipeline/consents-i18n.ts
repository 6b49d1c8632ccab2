import { registerTranslations } from '../../app/i18n';

// The consent page's and the reports queue's conversation-evidence strings, apart from the pipeline namespace
// (which the job page loads for its report button): they add nothing to the seekers' first screens.
const zh = {
  consents: {
    title: '谁能看我的手机号',
    intro: '企业只有在你同意后才能看到完整号码（报名时勾选「允许企业查看我的手机号」，或在沟通中同意「交换电话」），同意「交换微信」后才能看到你的微信号。每次查看都会记录在下面；撤回后企业只能看到隐藏中间四位的号码，也看不到微信号，之前的查看记录仍保留。',
    kindPhone: '手机号',
    kindWechat: '微信号',
    lookPhone: '查看了你的手机号',
    lookWechat: '查看了你的微信号',
    link: '谁能看我的手机号',
    linkHint: '查看并撤回授权，看看谁查看过你的号码',
    active: '已授权',
    withdrawn: '已撤回 · {{time}}',
    grantedAt: '{{time}} 授权',
    fromApply: '报名时同意',
    fromConversation: '沟通中同意',
    withdraw: '撤回',
    withdrawConfirm: '撤回后「{{company}}」将不能再查看你的完整号码和微信号，确定吗？',
    withdrawDone: '已撤回授权',
    noConsents: '你还没有授权任何企业查看你的手机号',
    looksTitle: '查看记录',
    noLooks: '还没有人查看过你的完整号码',
    look: '{{who}} · {{company}}',
    lookJob: '岗位：{{job}}',
    someone: '企业成员',
    company: '企业',
  },
  evidence: {
    conversation: '沟通',
    title: '聊天记录（举报时）',
    empty: '举报时没有消息',
    reportedBySeeker: '求职者举报',
    reportedByEmployer: '企业举报',
    reportedByHost: '主播举报',
  },
};

const en: typeof zh = {
  consents: {
    title: 'Who can see my phone number',
    intro: 'An employer sees your full number only after you agree (ticking “Let employers see my number” when applying, or accepting “exchange phone numbers” in a conversation), and your WeChat ID only after you accept “exchange WeChat”. Every look is listed below; after you withdraw, the employer sees the number with its middle four digits hidden again and no WeChat ID, and earlier looks stay listed.',
    kindPhone: 'Phone number',
    kindWechat: 'WeChat ID',
    lookPhone: 'viewed your phone number',
    lookWechat: 'viewed your WeChat ID',
    link: 'Who can see my phone number',
    linkHint: 'Review or withdraw your consents and see who viewed your number',
    active: 'Allowed',
    withdrawn: 'Withdrawn · {{time}}',
    grantedAt: 'Allowed on {{time}}',
    fromApply: 'When applying',
    fromConversation: 'In a conversation',
    withdraw: 'Withdraw',
    withdrawConfirm: '“{{company}}” will no longer see your full number or WeChat ID. Withdraw?',
    withdrawDone: 'Consent withdrawn',
    noConsents: 'You have not allowed any employer to see your number',
    looksTitle: 'Looks at my number',
    noLooks: 'Nobody has viewed your full number yet',
    look: '{{who}} · {{company}}',
    lookJob: 'Job: {{job}}',
    someone: 'A company member',
    company: 'the employer',
  },
  evidence: {
    conversation: 'Conversation',
    title: 'Messages (at the time of the report)',
    empty: 'No messages when reported',
    reportedBySeeker: 'Reported by the seeker',
    reportedByEmployer: 'Reported by the employer',
    reportedByHost: 'Reported by the host',
  },
};

export const CONSENTS_NS = registerTranslations('consents', { zh, en });
