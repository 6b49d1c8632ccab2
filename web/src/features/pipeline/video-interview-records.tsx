import { VideoCameraOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import type { VideoInterview } from '../../../../contracts/interviews';
import { formatDateTime } from './format';
import { PIPELINE_NS } from './i18n';

/** The platform's own interview room (远程面试) rather than an outside link. */
export const isInterviewRoom = (videoUrl: string | null | undefined): boolean => !!videoUrl && /^\/interviews\/\d+$/.test(videoUrl);

export const listVideoInterviews = (applicationId: number) => api.get<{ interviews: VideoInterview[] }>(`/api/applications/${applicationId}/video-interviews`);

function formatDuration(seconds: number, language: string) {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return language === 'en' ? `${minutes} min ${rest} s` : `${minutes}分${rest}秒`;
}

/** The history of the application's video interviews: when, how long, who joined. */
export function VideoInterviewRecords({ applicationId }: { applicationId: number }) {
  const { t } = useTranslation(PIPELINE_NS);
  const { t: tCommon } = useTranslation();
  const language = currentLanguage();
  const records = useApi(() => listVideoInterviews(applicationId), String(applicationId));
  const items = records.data?.interviews ?? [];
  // A failed read says so and offers another try (never a silently empty history).
  if (records.error) return <Button type="link" size="small" onClick={records.reload} data-testid="video-interview-retry">{tCommon('common.retry')}</Button>;
  if (items.length === 0) return <span className="video-interview-none">{records.data ? t('interviewRoom.noRecords') : ''}</span>;
  return (
    <ul className="video-interview-records" data-testid="video-interview-records">
      {items.map((item) => (
        <li key={item.id} data-testid="video-interview-record">
          <VideoCameraOutlined /> {formatDateTime(item.startedAt, language)}
          {' · '}{item.durationSeconds === null ? t('interviewRoom.open') : formatDuration(item.durationSeconds, language)}
          {' · '}{item.participants.map((person) => `${person.name}（${t(`interviewRoom.sides.${person.side}`)}）`).join('、')}
        </li>
      ))}
    </ul>
  );
}
