/** Readable in sunlight by older eyes: every text colour keeps WCAG AA contrast (4.5:1) on white and on the
 * page's #f5f7fa, so secondary text, placeholders and the primary button's white text are fixed here, once,
 * rather than per element (e2e/accessibility.e2e.test.ts runs axe on the seeker pages). */
export const token = {
  colorPrimary: '#0958d9',
  colorLink: '#0958d9',
  colorError: '#cf1322',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorTextSecondary: '#595959',
  colorTextTertiary: '#595959',
  colorTextDescription: '#595959',
  colorTextPlaceholder: '#6b6b6b',
  colorTextLabel: '#434343',
  borderRadius: 8,
  fontSize: 15,
  // As global.css's body: the Chinese fonts named before the generic family, so that no page waits on per-character fallback.
  fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji', 'Segoe UI Symbol', 'Noto Color Emoji'",
};

