// The job list (`/`) and a job page (`/jobs/:id`) as static HTML inside index.html, so that a phone on a weak
// connection shows the jobs from the server's first answer, before the scripts arrive (the web app replaces this
// markup when it starts). Only public job fields, never the visitor's: the same HTML for everyone, in Chinese
// (the app's default language), styled by the web app's global.css classes. No script: the CSP forbids inline ones.
import { escapeHtml, pageShell, plainTag } from '../../platform/page-shell.js';
import type { PageRenderer } from '../../platform/web-app.js';
import type { Job } from './jobs.schemas.js';
import { listJobsQuerySchema } from './jobs.schemas.js';
import type { JobsService } from './jobs.service.js';

export const APP_NAME = 'Jobcast 直播带岗';
const LIST_PAGE_SIZE = 20;
const JOB_PATH = /^\/jobs\/([0-9a-f-]{36})$/i;


/** 月薪 "5500-7500元/月" (or "5500元/月起"), else 工价 "22元/小时", else 薪资面议 (as web/src/features/jobs/pay.ts). */
export function formatPayZh(job: Pick<Job, 'payMonthlyMin' | 'payMonthlyMax' | 'payHourly'>): string {
  const { payMonthlyMin: min, payMonthlyMax: max, payHourly: hourly } = job;
  const yuan = (amount: number) => String(Math.round(amount * 100) / 100);
  if (min !== null) {
    if (max !== null && max !== min) return `${yuan(min)}-${yuan(max)}元/月`;
    return max === min ? `${yuan(min)}元/月` : `${yuan(min)}元/月起`;
  }
  if (hourly !== null) return `${yuan(hourly)}元/小时`;
  return '薪资面议';
}

// The same words and colours as the web app's (web/src/features/jobs/i18n.ts, job-tags.tsx, account-type-tag.tsx).
const SHIFTS_ZH: Record<string, string> = { day_shift: '长白班', two_shifts: '两班倒', three_shifts: '三班倒', night_shift: '长夜班', flexible: '灵活排班', six_on_one_off: '做六休一' };
const ACCOUNT_TYPES_ZH: Record<Job['companyAccountType'], [label: string, color: string]> = {
  direct: ['自招', 'green'], agency: ['中介代招', 'orange'], dispatch: ['劳务派遣', 'gold'], public: ['公共服务', 'blue'],
};
const SYNTHETIC_NOTICE_ZH = '合成演示数据：本页展示的企业、岗位和人员均为程序生成的虚构数据，仅用于演示。';

function welfareZh(job: Job): Array<[label: string, color: string]> {
  const tags: Array<[string, string]> = [];
  if (job.housing === 'dormitory' && job.meals === 'free') tags.push(['包吃住', 'green']);
  else {
    if (job.housing === 'dormitory') tags.push(['包住', 'green']);
    if (job.meals === 'free') tags.push(['包吃', 'green']);
  }
  if (job.housing === 'couple_room') tags.push(['夫妻房', 'cyan']);
  if (job.meals === 'allowance') tags.push(['餐补', 'lime']);
  if (job.isDailyPay) tags.push(['日结', 'volcano']);
  return tags;
}



const tags = (job: Job) => `<div class="tag-row">${plainTag(SHIFTS_ZH[job.shiftPattern] ?? job.shiftPattern)}${welfareZh(job).map(([label, color]) => plainTag(label, color)).join('')}</div>`;
const accountTypeTag = (job: Job) => plainTag(...ACCOUNT_TYPES_ZH[job.companyAccountType]);
const syntheticNotice = (isShown: boolean) => isShown
  ? `<div class="notice notice-warning notice-flush" role="alert"><span class="notice-icon" aria-hidden="true">!</span><span>${SYNTHETIC_NOTICE_ZH}</span></div>`
  : '';

/** A job card as web/src/features/jobs/job-card.tsx draws it; 立即报名 opens the job page until the app has started. */
function jobCard(job: Job): string {
  const hourly = job.payMonthlyMin !== null && job.payHourly !== null ? `<span>${escapeHtml(formatPayZh({ ...job, payMonthlyMin: null }))}</span>` : '';
  return `<div class="job-card-item"><a href="/jobs/${escapeHtml(job.id)}" data-prerendered="job-card"><div class="plain-card job-card">` +
    `<div style="display:flex;justify-content:space-between;gap:8px;align-items:baseline"><h3 class="job-card-title">${escapeHtml(job.title)}</h3><span class="job-card-pay">${escapeHtml(formatPayZh(job))}</span></div>` +
    `<div class="job-card-meta" style="display:flex;justify-content:space-between;margin:4px 0 8px"><span>${escapeHtml(`${job.cityName} · ${job.categoryName} · 招 ${job.headcount} 人`)}</span>${hourly}</div>` +
    tags(job) +
    `<div class="job-card-meta has-apply" style="margin-top:8px;display:flex;align-items:center;gap:6px;flex-wrap:wrap"><span>${escapeHtml(job.companyName)}</span>${accountTypeTag(job)}${job.isSynthetic ? plainTag('合成数据') : ''}</div></div></a>` +
    `<div class="job-card-apply"><a href="/jobs/${escapeHtml(job.id)}" class="plain-button plain-button-round plain-button-danger">立即报名</a></div></div>`;
}

function textSection(title: string, text: string): string {
  return `<section class="plain-card plain-card-titled"><h2 class="plain-card-title">${escapeHtml(title)}</h2><p class="plain-text">${escapeHtml(text || '暂无')}</p></section>`;
}

export function renderJobList(jobs: Job[], total: number): string {
  return pageShell(
    `<div class="stack"><div><h1 class="page-heading">找工作</h1><p class="page-subtitle">工厂、仓储、司机、保安…… 看工价、看吃住，直接找靠谱岗位</p></div>` +
    `<nav class="job-view-tabs" aria-label="岗位排序"><a class="job-view-tab is-active" aria-current="page" href="/">全部</a><a class="job-view-tab" href="/for-you">推荐</a><a class="job-view-tab" href="/?sort=near">附近</a></nav>` +
    `<div class="filter-bar filter-bar-placeholder"></div>` +
    syntheticNotice(jobs.some((job) => job.isSynthetic)) +
    `<section class="stack"><p class="page-subtitle">共 ${total} 个岗位</p><div class="job-grid">${jobs.map(jobCard).join('')}</div></section></div>`,
  );
}

const ARROW_LEFT = '<svg viewBox="64 64 896 896" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false"><path d="M872 474H286.9l350.2-304c5.6-4.9 2.2-14-5.2-14h-88.5c-3.9 0-7.6 1.4-10.5 3.9L155 487.8a31.96 31.96 0 000 48.3L535.1 866c1.5 1.3 3.3 2 5.2 2h91.5c7.4 0 10.8-9.2 5.2-14L286.9 550H872c4.4 0 8-3.6 8-8v-60c0-4.4-3.6-8-8-8z"/></svg>';
const HOUSING_ZH: Record<string, string> = { none: '不提供住宿', dormitory: '包住（宿舍）', couple_room: '夫妻房' };
const MEALS_ZH: Record<string, string> = { none: '不包吃', free: '包吃', allowance: '餐补' };

/** A job page as web/src/features/jobs/job-detail-page.tsx draws it; the apply bar's place is kept for the app's buttons. */
export function renderJob(job: Job): string {
  const monthly = job.payMonthlyMin !== null ? formatPayZh({ ...job, payHourly: null }) : '—';
  const hourly = job.payHourly !== null ? formatPayZh({ ...job, payMonthlyMin: null }) : '—';
  const facts: Array<[string, string]> = [
    ['薪资', monthly], ['工价', hourly], ['班次', SHIFTS_ZH[job.shiftPattern] ?? job.shiftPattern], ['日结', job.isDailyPay ? '支持日结' : '不日结'],
    ['住宿', HOUSING_ZH[job.housing] ?? job.housing], ['餐饮', MEALS_ZH[job.meals] ?? job.meals], ['工种', job.categoryName], ['行业', job.industryName],
    ['招聘人数', String(job.headcount)], ['有效期', `${job.validFrom} ~ ${job.validUntil}`],
  ];
  return pageShell(
    `<div class="stack" style="max-width:760px;margin:0 auto;width:100%">` +
    `<div><a href="/" class="plain-button plain-button-link" style="padding-left:0">${ARROW_LEFT}<span>返回列表</span></a></div>` +
    syntheticNotice(job.isSynthetic) +
    `<section class="plain-card plain-card-large"><h1 class="job-detail-title">${escapeHtml(job.title)}</h1>` +
    `<div class="detail-pay">${escapeHtml(formatPayZh(job))}</div>` +
    (job.payMonthlyMin !== null && job.payHourly !== null ? `<span class="secondary-text">工价 ${escapeHtml(hourly)}</span>` : '') +
    `<div style="margin:12px 0">${tags(job)}</div>` +
    `<div style="display:flex;align-items:center;gap:8px;flex-wrap:wrap"><a href="/companies/${escapeHtml(job.companyId)}" style="font-weight:600;color:#1f1f1f">${escapeHtml(job.companyName)}</a>${accountTypeTag(job)}</div>` +
    `<span class="secondary-text">${escapeHtml(`${job.cityName} · ${job.provinceName} · 招 ${job.headcount} 人`)}</span></section>` +
    `<div class="job-apply-bar job-apply-bar-placeholder"></div>` +
    `<section class="plain-card"><dl class="plain-descriptions">${facts.map(([term, value]) => `<div><dt>${term}</dt><dd>${escapeHtml(value)}</dd></div>`).join('')}</dl></section>` +
    textSection('岗位要求', job.requirements) + textSection('福利待遇', job.benefits) +
    (job.description ? textSection('岗位描述', job.description) : '') +
    `</div>`,
  );
}

/** The renderer the web app's index.html uses: null for other pages, a missing job, or filters that do not parse. */
export function createJobPages(jobs: JobsService): PageRenderer {
  return async (pathname, query) => {
    if (pathname === '/') {
      const filters = listJobsQuerySchema.safeParse({ ...query, page: 1, pageSize: LIST_PAGE_SIZE });
      if (!filters.success) return null;
      const result = await jobs.listJobs(filters.data);
      return { title: APP_NAME, html: renderJobList(result.jobs, result.total) };
    }
    const match = JOB_PATH.exec(pathname);
    if (!match) return null;
    const job = await jobs.getJob(null, match[1]).catch(() => null);
    return job ? { title: `${job.title} · ${APP_NAME}`, html: renderJob(job) } : null;
  };
}
