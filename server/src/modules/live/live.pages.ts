// The live list (`/live`) as static HTML inside index.html, like the job list (jobs/jobs.pages.ts): a phone on a
// weak connection sees the sessions on now and the upcoming ones from the server's first answer; the web app
// replaces this markup when it starts (web/src/features/live/session-list-page.tsx draws the same cards). Only
// what a guest sees: never the visitor's bookings, the same HTML for everyone.
import type { SessionSummary } from '../../../../contracts/live.js';
import { escapeHtml, pageShell } from '../../platform/page-shell.js';
import type { PageRenderer } from '../../platform/web-app.js';
import type { LiveService } from './live.service.js';

const TITLE = '直播带岗 · Jobcast 直播带岗';
/** As many as the app asks for (session-list-page.tsx). */
const LIST_LIMIT = 60;
const TIME_ZONE = 'Asia/Shanghai';
type Tab = 'live' | 'upcoming';

// web/src/features/live/cover.ts: a steady gradient per session id, the latest frame over it.
const GRADIENTS = [
  'linear-gradient(160deg, #ff7a45 0%, #f5222d 100%)',
  'linear-gradient(160deg, #40a9ff 0%, #1d39c4 100%)',
  'linear-gradient(160deg, #36cfc9 0%, #08979c 100%)',
  'linear-gradient(160deg, #ffc53d 0%, #fa541c 100%)',
  'linear-gradient(160deg, #9254de 0%, #391085 100%)',
  'linear-gradient(160deg, #73d13d 0%, #237804 100%)',
];

export function coverBackground(session: Pick<SessionSummary, 'id' | 'thumbnailUrl'>): string {
  let hash = 0;
  for (const character of session.id) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  const gradient = GRADIENTS[hash % GRADIENTS.length];
  return session.thumbnailUrl ? `center / cover no-repeat url(&quot;${escapeHtml(session.thumbnailUrl)}&quot;), ${gradient}` : gradient;
}

/** 1.2万 (web/src/features/live/format.ts formatCount, Chinese). */
function formatCount(value: number): string {
  const count = Math.max(0, Math.round(value));
  if (count < 10_000) return String(count);
  return `${(count / 10_000).toFixed(count < 100_000 ? 1 : 0).replace(/\.0$/, '')}万`;
}

/** 今天 19:30, 明天 09:00, 12月1日 19:30 in China's time (format.ts formatStart; the app redraws it in the phone's zone). */
export function formatStartZh(iso: string, now: Date): string {
  const parts = (date: Date) => Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(date).map((part) => [part.type, part.value]));
  const start = parts(new Date(iso));
  const today = parts(now);
  const days = Math.round((Date.UTC(+start.year, +start.month - 1, +start.day) - Date.UTC(+today.year, +today.month - 1, +today.day)) / 86_400_000);
  const time = `${start.hour}:${start.minute}`;
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `明天 ${time}`;
  if (days === 2) return `后天 ${time}`;
  return `${start.year !== today.year ? `${start.year}年` : ''}${+start.month}月${+start.day}日 ${time}`;
}

/** 距开播 02:03:04 (format.ts formatCountdown, Chinese). */
function formatCountdown(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const days = Math.floor(total / 86_400);
  const pad = (value: number) => String(value).padStart(2, '0');
  const [hours, minutes, rest] = [Math.floor((total % 86_400) / 3600), Math.floor((total % 3600) / 60), total % 60];
  const clock = hours > 0 || days > 0 ? `${pad(hours)}:${pad(minutes)}:${pad(rest)}` : `${pad(minutes)}:${pad(rest)}`;
  return days === 0 ? clock : `${days}天 ${clock}`;
}

/** A card as web/src/features/live/session-card.tsx draws it; until the app has started, 预约 asks a guest to sign in (as the app does). */
function sessionCard(session: SessionSummary, now: Date): string {
  const link = `/live/${escapeHtml(session.id)}`;
  const badge = session.status === 'live'
    ? '<span class="live-badge is-live"><span class="live-dot"></span>直播中</span>'
    : `<span class="live-badge is-countdown">${session.secondsUntilStart > 0 ? `距开播 ${formatCountdown(session.secondsUntilStart)}` : '即将开始'}</span>`;
  const viewers = session.status === 'live' ? `<span class="live-viewers">${formatCount(session.viewerCount)}人在看</span>` : '';
  const meta = [session.cityName, `${session.jobCount}个岗位`].filter(Boolean).map((text) => escapeHtml(text!)).join(' · ');
  const employers = session.employers.length > 0
    ? `<div class="session-meta session-employers">${session.employers.slice(0, 2).map((employer) => `<a href="/companies/${escapeHtml(employer.companyId)}">${escapeHtml(employer.name)}</a>`).join(' · ')}${session.employers.length > 2 ? ` +${session.employers.length - 2}` : ''}</div>`
    : '';
  return `<article class="session-card" data-prerendered="session-card" data-session-id="${escapeHtml(session.id)}">` +
    `<a href="${link}" class="session-cover${session.thumbnailUrl ? ' has-frame' : ''}" style="background:${coverBackground(session)}">${badge}${viewers}<span class="session-cover-text">${escapeHtml(session.coverText || session.title)}</span></a>` +
    `<div class="session-body"><a href="${link}" class="session-title">${escapeHtml(session.title)}</a><div class="session-meta">${meta}</div>` +
    (session.isSynthetic ? '<div class="session-synthetic">合成数据</div>' : '') +
    (session.campaign ? `<a href="/campaigns/${escapeHtml(session.campaign.id)}" class="campaign-tag">活动 ${escapeHtml(session.campaign.name)}</a>` : '') +
    (session.status !== 'live' ? `<div class="session-meta">${formatStartZh(session.startsAt, now)}</div>` : '') +
    `<div class="session-meta"><a href="/hosts/${escapeHtml(session.hostUserId)}" class="session-host-link">主播 ${escapeHtml(session.hostName)}</a></div>` +
    employers +
    (session.status === 'scheduled' ? `<div class="session-actions"><a href="/sign-in?next=${encodeURIComponent('/live?tab=upcoming')}" class="plain-button plain-button-small plain-button-round plain-button-danger">预约</a><span class="session-bookings">${session.bookingCount}人已预约</span></div>` : '') +
    `</div></article>`;
}

export function renderSessionList(sessions: SessionSummary[], tab: Tab | null, now: Date): string {
  const live = sessions.filter((session) => session.status === 'live');
  const upcoming = sessions.filter((session) => session.status === 'scheduled');
  const shownTab: Tab = tab ?? (live.length > 0 ? 'live' : 'upcoming');
  const shown = shownTab === 'live' ? live : upcoming;
  const tabs: Array<[Tab | 'replay', string, string]> = [['live', '正在直播', '/live'], ['upcoming', '即将开播', '/live?tab=upcoming'], ['replay', '精彩回放', '/live?tab=replay']];
  const empty = shownTab === 'live' ? '现在没有正在进行的直播，看看即将开播的场次吧' : '暂无即将开播的直播';
  return pageShell(
    `<div class="live-list"><div class="live-list-head"><h1 class="page-title">直播带岗</h1><p class="live-list-subtitle">看车间、看宿舍、问工价，主播在线答疑，一键报名</p>` +
    `<a href="/feed" class="live-feed-link">刷直播</a></div>` +
    `<nav class="plain-segmented" aria-label="直播带岗">${tabs.map(([value, label, href]) => `<a href="${href}" class="${value === shownTab ? 'is-selected' : ''}"${value === shownTab ? ' aria-current="page"' : ''}>${label}${value === 'live' && live.length > 0 ? `<span class="tab-count">${live.length}</span>` : ''}</a>`).join('')}</nav>` +
    (shown.length === 0 ? `<p class="page-state page-state-text">${empty}</p>` : '') +
    `<div class="session-grid">${shown.map((session) => sessionCard(session, now)).join('')}</div></div>`,
  );
}

const ROOM_PATH = /^\/live\/([0-9a-f-]{36})$/i;

/** A live room's first screen: the stream's latest frame where the app's player first shows its poster (live-room.tsx
 * starts in the landscape layout: a 16:9 box at the top of the phone's screen) and the title under it, on the room's
 * black stage, so that a phone sees the picture before the player's code has arrived. */
export function renderRoomPoster(session: { title: string; thumbnailUrl: string }): string {
  // Styled here rather than in global.css: only this page needs it, and global.css is in every page's first answer.
  return `<div class="live-room" data-prerendered="live-room" style="position:fixed;inset:0;z-index:300;background:#0b0b0f;display:flex;justify-content:center">` +
    `<div class="live-stage" style="position:relative;width:100%;max-width:480px;height:100%;background:#000;display:flex;flex-direction:column">` +
    `<img fetchpriority="high" src="${escapeHtml(session.thumbnailUrl)}" alt="${escapeHtml(session.title)}" style="flex:none;display:block;width:100%;aspect-ratio:16/9;object-fit:cover;background:#000">` +
    `<p style="flex:none;margin:0;padding:74px 14px 0;color:#fff;font-size:17px;font-weight:600;line-height:1.4">${escapeHtml(session.title)}</p></div></div>`;
}

/** The renderer for `/live` (live and upcoming; replays and other pages: null, the plain app) and for a live
 * room that has a frame to show (a scheduled room, without one, is the plain app). */
export function createLivePages(live: Pick<LiveService, 'listSessions' | 'getSessionDetail'>): PageRenderer {
  return async (pathname, query) => {
    const room = ROOM_PATH.exec(pathname);
    if (room) {
      const session = await live.getSessionDetail(null, room[1]).catch(() => null);
      if (!session?.thumbnailUrl || session.status !== 'live') return null;
      return { title: `${session.title} · Jobcast 直播带岗`, html: renderRoomPoster({ title: session.title, thumbnailUrl: session.thumbnailUrl }) };
    }
    if (pathname !== '/live') return null;
    if (query.tab !== undefined && query.tab !== 'live' && query.tab !== 'upcoming') return null;
    const sessions = await live.listSessions(null, { status: ['live', 'scheduled'], limit: LIST_LIMIT });
    const tab = (query.tab as Tab | undefined) ?? null;
    return { title: TITLE, html: renderSessionList(sessions, tab, new Date()) };
  };
}
