import { registerTranslations } from '../../app/i18n';

const zh = {
  queue: {
    title: '企业审核',
    tabs: { pending: '待审核', verified: '已认证', rejected: '未通过', suspended: '已暂停' },
    name: '企业名称',
    creditCode: '统一社会信用代码',
    city: '城市',
    industry: '行业',
    accountType: '招聘方式',
    hrLicence: '人力资源服务许可证',
    registeredAt: '登记时间',
    reason: '审核意见',
    actions: '操作',
    verify: '通过',
    reinstate: '恢复',
    reject: '驳回',
    suspend: '暂停',
    verifyConfirm: '确认已核实营业执照信息，通过该企业？',
    empty: '没有企业',
    done: '已处理',
  },
  review: {
    rejectTitle: '驳回「{{name}}」',
    suspendTitle: '暂停「{{name}}」',
    reason: '原因（企业可见）',
    reasonPlaceholder: '如：营业执照信息与企业名称不符',
    reasonRequired: '请填写原因（至少2个字）',
    suspendHint: '暂停后该企业的岗位将对求职者隐藏。',
    confirm: '确定',
  },
};

const en: typeof zh = {
  queue: {
    title: 'Company review',
    tabs: { pending: 'Pending', verified: 'Verified', rejected: 'Rejected', suspended: 'Suspended' },
    name: 'Company',
    creditCode: 'Credit code',
    city: 'City',
    industry: 'Industry',
    accountType: 'How it hires',
    hrLicence: 'HR service licence',
    registeredAt: 'Registered',
    reason: 'Review note',
    actions: 'Actions',
    verify: 'Verify',
    reinstate: 'Reinstate',
    reject: 'Reject',
    suspend: 'Suspend',
    verifyConfirm: 'You have checked the business licence details. Verify this company?',
    empty: 'No companies',
    done: 'Done',
  },
  review: {
    rejectTitle: 'Reject “{{name}}”',
    suspendTitle: 'Suspend “{{name}}”',
    reason: 'Reason (shown to the company)',
    reasonPlaceholder: 'e.g. the licence does not match the company name',
    reasonRequired: 'Give a reason (at least 2 characters)',
    suspendHint: "Suspending hides the company's jobs from seekers.",
    confirm: 'Confirm',
  },
};

export const ADMIN_NS = registerTranslations('admin', { zh, en });
