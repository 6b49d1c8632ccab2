import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignPhase } from './api';
import { CAMPAIGNS_NS } from './i18n';

const PHASE_COLORS: Record<CampaignPhase, string> = { running: 'red', upcoming: 'blue', ended: 'default' };

export function PhaseTag({ phase }: { phase: CampaignPhase }) {
  const { t } = useTranslation(CAMPAIGNS_NS);
  return <Tag color={PHASE_COLORS[phase]} data-testid="campaign-phase">{t(`phase.${phase}`)}</Tag>;
}

/** 演示数据: generated demo rows say so wherever they are shown. */
export function CampaignSyntheticTag({ isSynthetic }: { isSynthetic: boolean }) {
  const { t } = useTranslation(CAMPAIGNS_NS);
  return isSynthetic ? <Tag data-testid="campaign-synthetic">{t('synthetic')}</Tag> : null;
}
