import { Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { definitionIn } from './format';
import { IMPACT_NS } from './i18n';

/** The definitions the server sends with the figures (measured.definitions, open.definitions), in the reader's language. */
export function DefinitionsPanel({ definitions, labels, testId }: { definitions: Record<string, string>; labels: Record<string, string>; testId: string }) {
  const { t } = useTranslation(IMPACT_NS);
  const language = currentLanguage();
  return (
    <Collapse
      size="small"
      items={[{
        key: 'definitions',
        label: t('definitions'),
        children: (
          <dl className="impact-definitions" data-testid={testId}>
            {Object.entries(definitions).map(([key, text]) => (
              <div key={key}>
                <dt>{labels[key] ?? key}</dt>
                <dd>{definitionIn(text, language)}</dd>
              </div>
            ))}
          </dl>
        ),
      }]}
    />
  );
}
