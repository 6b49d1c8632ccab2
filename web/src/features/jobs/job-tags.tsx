import { useTranslation } from 'react-i18next';
import { JOBS_NS } from './i18n';
import { welfareTags, type WelfareTag } from './pay';
import type { Job } from './types';

const COLORS: Record<WelfareTag, string> = {
  board_and_lodging: 'green',
  dormitory: 'green',
  couple_room: 'cyan',
  free_meals: 'green',
  meal_allowance: 'lime',
  daily_pay: 'volcano',
};

/** Shift pattern plus 包吃住 / 夫妻房 / 餐补 / 日结, as plain tags (global.css; the server's first answer has the same). */
export function JobTags({ job }: { job: Pick<Job, 'shiftPattern' | 'housing' | 'meals' | 'isDailyPay'> }) {
  const { t } = useTranslation(JOBS_NS);
  return (
    <div className="tag-row" data-testid="job-tags">
      <span className="plain-tag">{t(`shift.${job.shiftPattern}`, { defaultValue: job.shiftPattern })}</span>
      {welfareTags(job).map((tag) => (
        <span key={tag} className={`plain-tag plain-tag-${COLORS[tag]}`}>{t(`tags.${tag}`)}</span>
      ))}
    </div>
  );
}
