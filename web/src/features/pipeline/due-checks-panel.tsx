import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { pipelineApi } from './api';
import { ActionDialog } from './action-dialog';
import { PIPELINE_NS } from './i18n';
import { PLAIN_LIST } from './styles';

/** The 7-day checks that came due (durable tasks on the server): record stay or leaving in one click. */
export function DueChecksPanel({ version, onChanged, onOpen }: { version: number; onChanged: () => void; onOpen: (applicationId: number) => void }) {
  const { t } = useTranslation(PIPELINE_NS);
  const { message } = App.useApp();
  const { data, reload } = useApi(() => pipelineApi.listChecks(true), `checks-${version}`);
  const [leftFor, setLeftFor] = useState<number | null>(null);
  const checks = data?.tasks ?? [];
  if (checks.length === 0) return null;

  const handleStayed = async (applicationId: number) => {
    try {
      await pipelineApi.change(applicationId, { action: 'confirm_stay' });
      reload();
      onChanged();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, currentLanguage()));
    }
  };

  return (
    <Alert
      type="warning"
      showIcon
      title={`${t('checks.title')} (${checks.length})`}
      data-testid="due-checks"
      description={
        <>
          <div>{t('checks.hint')}</div>
          <ul style={PLAIN_LIST}>
            {checks.map((check) => (
              <li key={check.id} data-testid="due-check" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                <a onClick={() => onOpen(check.applicationId)}>{t('checks.due', { name: check.seekerName ?? '—', job: check.jobTitle ?? '', start: check.startDate ?? '', due: check.dueOn })}</a>
                <Space>
                  <Button size="small" type="primary" onClick={() => void handleStayed(check.applicationId)} data-testid="check-stayed">{t('checks.stayed')}</Button>
                  <Button size="small" danger onClick={() => setLeftFor(check.applicationId)} data-testid="check-left">{t('checks.left')}</Button>
                </Space>
              </li>
            ))}
          </ul>
          {leftFor !== null ? (
            <ActionDialog action="record_left" onCancel={() => setLeftFor(null)} onSubmit={async (body) => {
              await pipelineApi.change(leftFor, body);
              setLeftFor(null);
              reload();
              onChanged();
            }} />
          ) : null}
        </>
      }
    />
  );
}
