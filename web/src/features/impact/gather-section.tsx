import { Alert, Card, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { formatCount } from '../analytics/view-model';
import { DefinitionsPanel } from './definitions-panel';
import { FigureTile } from './figure-tile';
import { definitionIn, type ImpactView } from './format';
import { IMPACT_NS } from './i18n';

const MEASURED = ['hires', 'onboarded', 'stayed7Days', 'activeHosts', 'activeRecruiters'] as const;

/** Part 1, Gather: the measured figures, and the estimate with its method version, formula, arithmetic and sources. */
export function GatherSection({ report }: { report: ImpactView }) {
  const { t, i18n } = useTranslation(IMPACT_NS);
  const language = currentLanguage();
  const count = (value: number | null) => formatCount(value, language);
  const { measured, estimated } = report;
  const notes: Partial<Record<(typeof MEASURED)[number], string>> = {
    activeHosts: t('gather.byRole', { host: count(measured.activeHostsByRole.host), employer: count(measured.activeHostsByRole.employer), bureau: count(measured.activeHostsByRole.bureau) }),
    activeRecruiters: t('gather.byType', {
      direct: count(measured.activeRecruitersByAccountType.direct), agency: count(measured.activeRecruitersByAccountType.agency),
      dispatch: count(measured.activeRecruitersByAccountType.dispatch), public: count(measured.activeRecruitersByAccountType.public),
    }),
  };
  const componentLabel = (name: string, label: string) => (i18n.exists(`components.${name}`, { ns: IMPACT_NS }) ? t(`components.${name}`) : definitionIn(label, language));
  const inputLabel = (name: string) => (i18n.exists(`inputs.${name}`, { ns: IMPACT_NS }) ? t(`inputs.${name}`) : name);

  return (
    <Card title={<h2 className="impact-section-title" style={{ fontSize: 17 }}>{t('gather.title')}</h2>} size="small" data-testid="impact-gather">
      <div className="stack" style={{ gap: 12 }}>
        {report.campaign ? <Alert type="info" showIcon title={t('gather.campaignNote')} data-testid="impact-campaign-note" /> : null}
        <Typography.Text strong>{t('gather.measured')}</Typography.Text>
        <div className="impact-tiles">
          {MEASURED.map((key) => <FigureTile key={key} label={t(`measured.${key}`)} value={count(measured[key])} note={notes[key]} testId={`impact-measured-${key}`} />)}
        </div>
        <DefinitionsPanel definitions={measured.definitions} labels={{ ...t('measured', { returnObjects: true }) as Record<string, string>, campaign: t('filters.campaign') }} testId="impact-measured-definitions" />

        <Typography.Text strong>{t('gather.estimated')}</Typography.Text>
        <div className="impact-estimate">
          <span>{t('gather.estimate')}</span>
          <span className="impact-estimate-total" data-testid="impact-estimate-total">{count(estimated.total)}</span>
          <Tag color="blue" data-testid="impact-method-version">{t('gather.methodVersion', { version: estimated.methodVersion, name: definitionIn(estimated.methodName, language) })}</Tag>
        </div>
        <div className="impact-formula" data-testid="impact-formula">{t('gather.formula')}: {definitionIn(estimated.formula, language)}</div>
        <p className="impact-source">
          {t('gather.adjustment', { value: estimated.multiPlatformAdjustment.value })}
          {estimated.multiPlatformAdjustment.isAssumption ? <Tag style={{ marginLeft: 6 }}>{t('gather.assumption')}</Tag> : null}
          {' — '}{definitionIn(estimated.multiPlatformAdjustment.source, language)}
        </p>
        <div className="impact-components">
          {estimated.components.map((component) => (
            <div key={component.name} className="impact-component" data-testid={`impact-component-${component.name}`}>
              <div className="impact-component-head">
                <span>{componentLabel(component.name, component.label)}</span>
                <span data-testid={`impact-component-${component.name}-value`}>{component.value === null ? t('withheld') : component.value.toLocaleString(language === 'en' ? 'en' : 'zh-CN')}</span>
              </div>
              <div className="impact-formula">
                {component.formula ?? `(${Object.entries(component.inputs).map(([name, value]) => `${name} ${value ?? t('withheld')}`).join(' + ')}) × ${component.coefficient}${component.multiPlatformAdjustment === null ? '' : ` × ${component.multiPlatformAdjustment}`}`}
              </div>
              <p className="impact-source">{Object.keys(component.inputs).map(inputLabel).join(' + ')} × {component.coefficient}</p>
              <p className="impact-source">
                {component.isAssumption ? <Tooltip title={t('gather.assumptionHint')}><Tag color="orange">{t('gather.assumption')}</Tag></Tooltip> : <Tag color="green">{t('gather.sourced')}</Tag>}
                {t('gather.source')}: {definitionIn(component.source, language)}
              </p>
            </div>
          ))}
        </div>
        {estimated.note ? <p className="impact-source">{definitionIn(estimated.note, language)}</p> : null}
      </div>
    </Card>
  );
}
