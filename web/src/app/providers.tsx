import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthProvider } from './auth';
import { usePrefersReducedMotion } from './reduced-motion';
import { ReferenceProvider } from './reference';
import { token } from './theme';


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
