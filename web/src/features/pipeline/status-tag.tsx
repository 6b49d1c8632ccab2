import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from './api';
import { PIPELINE_NS } from './i18n';

const COLORS: Record<ApplicationStatus, string> = {
  submitted: 'default', viewed: 'blue', contacted: 'cyan', interview: 'geekblue', hired: 'green', onboarded: 'green',
  stayed_7_days: 'success', left_within_7_days: 'orange', rejected: 'red', withdrawn: 'default',
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation(PIPELINE_NS);
  return <Tag color={COLORS[status]} data-testid="status-tag" data-status={status}>{t(`status.${status}`)}</Tag>;
}
