import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import type { PipelineEvent } from './api';
import { formatDateTime } from './format';
import { PIPELINE_NS } from './i18n';

/** Every change, who made it and when; undone changes stay visible, struck through. */
export function HistoryTimeline({ events }: { events: PipelineEvent[] }) {
  const { t } = useTranslation(PIPELINE_NS);
  const language = currentLanguage();
  const actor = (event: PipelineEvent) => {
    if (event.actorRole === 'system') return t('detail.system');
    if (event.actorRole === 'seeker') return t('detail.seekerActor');
    return event.actorName ?? '';
  };
  return (
    <Timeline
      data-testid="history"
      items={events.map((event) => ({
        color: event.action === 'undo' ? 'gray' : event.isUndone ? 'gray' : 'blue',
        content: (
          <div data-testid="history-item" data-action={event.action}>
            <Typography.Text delete={event.isUndone} strong>{t(`action.${event.action}`)}</Typography.Text>
            {event.action !== 'undo' && event.fromStatus !== event.toStatus ? <Typography.Text type="secondary"> → {t(`status.${event.toStatus}`)}</Typography.Text> : null}
            {event.isUndone ? <Typography.Text type="secondary"> ({t('detail.undone')})</Typography.Text> : null}
            <div><Typography.Text type="secondary">{formatDateTime(event.occurredAt, language)} · {actor(event)}</Typography.Text></div>
            {event.reason ? <div><Typography.Text>{event.reason}</Typography.Text></div> : null}
          </div>
        ),
      }))}
    />
  );
}
