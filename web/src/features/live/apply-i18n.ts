import { registerTranslations } from '../../app/i18n';

// The one-tap apply's toasts, apart from the live room's dictionary: job lists and job pages apply too and
// should not load the whole room's words for two sentences.
const zh = {
  success: '{{company}}会尽快与你联系，请留意来电',
  already: '你已经报名过这个岗位了',
};

const en: typeof zh = {
  success: '{{company}} will contact you soon. Keep your phone nearby.',
  already: 'You have already applied to this job',
};

export const APPLY_NS = registerTranslations('apply', { zh, en });
