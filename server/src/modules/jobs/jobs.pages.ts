// The job list (`/`) and a job page (`/jobs/:id`) as static HTML inside index.html, so that a phone on a weak
// connection shows the jobs from the server's first answer, before the scripts arrive (the web app replaces this
// markup when it starts). Only public job fields, never the visitor's: the same HTML for everyone, in Chinese
// (the app's default language), styled by the web app's global.css classes. No script: the CSP forbids inline ones.
import type { PageRenderer } from '../../platform/web-app.js';
import type { Job } from './jobs.schemas.js';
import { listJobsQuerySchema } from './jobs.schemas.js';
import type { JobsService } from './jobs.service.js';


const APP_NAME = 'Jobcast 直播带岗';
const LIST_PAGE_SIZE = 20;
const JOB_PATH = /^\/jobs\/([0-9a-f-]{36})$/i;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

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

function welfareZh(job: Job): string[] {
  const tags: string[] = [];
  if (job.housing === 'dormitory' && job.meals === 'free') tags.push('包吃住');
  else {
    if (job.housing === 'dormitory') tags.push('包住');
    if (job.meals === 'free') tags.push('包吃');
  }
  if (job.housing === 'couple_room') tags.push('夫妻房');
  if (job.meals === 'allowance') tags.push('餐补');
  if (job.isDailyPay) tags.push('日结');
  return tags;
}

const shell = (content: string) =>
  `<div class="app-shell"><header class="app-header"><a href="/" class="brand"><span class="brand-mark">▶</span>Jobcast<span class="brand-sub">直播带岗</span></a></header>` +
  `<main class="app-main">${content}</main></div>`;

const tags = (job: Job) => `<div class="tag-row">${welfareZh(job).map((tag) => `<span class="plain-tag">${escapeHtml(tag)}</span>`).join('')}</div>`;

function jobCard(job: Job): string {
  return `<a href="/jobs/${escapeHtml(job.id)}" data-prerendered="job-card"><div class="plain-card job-card">` +
    `<div style="display:flex;justify-content:space-between;gap:8px;align-items:baseline"><h3 class="job-card-title">${escapeHtml(job.title)}</h3><span class="job-card-pay">${escapeHtml(formatPayZh(job))}</span></div>` +
    `<div class="job-card-meta" style="margin:4px 0 8px">${escapeHtml(`${job.cityName} · ${job.categoryName} · 招 ${job.headcount} 人`)}</div>` +
    tags(job) +
    `<div class="job-card-meta" style="margin-top:8px">${escapeHtml(job.companyName)}</div></div></a>`;
}

function textSection(title: string, text: string): string {
  return `<section class="plain-card plain-card-titled"><h2 class="plain-card-title">${escapeHtml(title)}</h2><p class="plain-text">${escapeHtml(text || '暂无')}</p></section>`;
}

export function renderJobList(jobs: Job[], total: number): string {
  return shell(
    `<div class="stack"><div><h1 class="page-heading">找工作</h1><p class="page-subtitle">工厂、仓储、司机、保安…… 看工价、看吃住，直接找靠谱岗位</p></div>` +
    `<div class="filter-bar filter-bar-placeholder"></div>` +
    `<section class="stack"><p class="page-subtitle">共 ${total} 个岗位</p><div class="job-grid">${jobs.map(jobCard).join('')}</div></section></div>`,
  );
}

export function renderJob(job: Job): string {
  return shell(
    `<div class="stack" style="max-width:760px;margin:0 auto;width:100%">` +
    `<section class="plain-card plain-card-large"><h1 class="job-detail-title">${escapeHtml(job.title)}</h1>` +
    `<div class="detail-pay">${escapeHtml(formatPayZh(job))}</div><div style="margin:12px 0">${tags(job)}</div>` +
    `<div style="font-weight:600">${escapeHtml(job.companyName)}</div>` +
    `<span class="secondary-text">${escapeHtml(`${job.cityName} · ${job.provinceName} · 招 ${job.headcount} 人`)}</span></section>` +
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
