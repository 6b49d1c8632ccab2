// The markup the server puts inside index.html's #root for the pages it renders (jobs.pages.ts, live.pages.ts): the
// web app's own classes (global.css, inlined in index.html), Chinese (the app's default language), no script.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

export const plainTag = (label: string, color?: string) => `<span class="plain-tag${color ? ` plain-tag-${color}` : ''}">${escapeHtml(label)}</span>`;

/** The page as the web app draws it (app-layout.tsx), so that nothing moves when the app takes over. */
export const pageShell = (content: string) =>
  `<div class="app-shell"><header class="app-header"><a href="/" class="brand"><span class="brand-mark">▶</span>Jobcast<span class="brand-sub">直播带岗</span></a>` +
  `<div class="header-actions"><a href="/sign-in" class="plain-button plain-button-small plain-button-primary">登录</a></div></header>` +
  `<main class="app-main">${content}</main>` +
  `<footer class="app-footer"><div>Jobcast — 开源、可自行部署的直播招聘平台 · <a href="/docs">API 文档</a></div><div>依据《网络招聘服务管理规定》：岗位信息须真实，不得向劳动者收取押金或费用，不得设置年龄、性别、户籍、地域限制。</div></footer></div>`;
