import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { METHOD_ITEMS } from '../../../../contracts/analytics-method';
import { currentLanguage } from '../../app/i18n';
import { ANALYTICS_NS } from './i18n';

/** The published definitions (contracts/analytics-method.ts), the same text as the printed report's. */
export function MethodPanel() {
  const { t } = useTranslation(ANALYTICS_NS);
  const language = currentLanguage();
  return (
    <Collapse
      size="small"
      items={[{
        key: 'method',
        label: t('methodTitle'),
        children: (
          <dl style={{ margin: 0 }} data-testid="analytics-method">
            {METHOD_ITEMS.map((item) => (
              <div key={item.term.en} style={{ marginBottom: 8 }}>
                <dt><Typography.Text strong>{language === 'en' ? item.term.en : `${item.term.zh} · ${item.term.en}`}</Typography.Text></dt>
                <dd style={{ margin: 0 }}><Typography.Text>{language === 'en' ? item.en : item.zh}</Typography.Text></dd>
              </div>
            ))}
          </dl>
        ),
      }]}
    />
  );
}
