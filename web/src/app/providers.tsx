import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthProvider } from './auth';
import { usePrefersReducedMotion } from './reduced-motion';
import { ReferenceProvider } from './reference';

/** Readable in sunlight by older eyes: every text colour keeps WCAG AA contrast (4.5:1) on white and on the
 * page's #f5f7fa, so secondary text, placeholders and the primary button's white text are fixed here, once,
 * rather than per element (e2e/accessibility.e2e.test.ts runs axe on the seeker pages). */
const token = {
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
};

/** antd's locale follows the i18next language (no space inserted in two-character Chinese buttons, so that
 * 登录 stays findable by its name); AntApp gives message/modal the theme and locale. When the browser asks
 * for reduced motion, antd's motion is off (popups, dropdowns and drawers appear at once; global.css stops
 * CSS transitions too). */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => ({ token: { ...token, motion: !reducedMotion } }), [reducedMotion]);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <AuthProvider>
          <ReferenceProvider>{children}</ReferenceProvider>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
