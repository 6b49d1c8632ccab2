import { App, Button, Card, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { OCCUPATION_GROUP_KEYS, occupationsApi, type Occupation } from './occupations-api';
import { OCCUPATIONS_NS } from './occupations-i18n';

// The catalogue's pieces that several console pages use (the job form, 我的直播, 企业中心, /console/impact), kept in
// one module so that the bundler makes one shared chunk of them: every extra chunk lengthens the entry's preload
// map, which every page, the seeker's first screen included, downloads.
export { OCCUPATION_GROUP_KEYS, occupationsApi, OCCUPATIONS_NS };
export type { Occupation };

type Props = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  testId?: string;
  placeholder?: string;
};

/** Options grouped by the report's three groups, each labelled with its classification code where it has one. */
export function occupationOptions(occupations: readonly Occupation[], groupLabel: (groupKey: Occupation['groupKey']) => string) {
  return OCCUPATION_GROUP_KEYS.map((groupKey) => ({
    label: groupLabel(groupKey),
    title: groupKey,
    options: occupations
      .filter((occupation) => occupation.groupKey === groupKey)
      .map((occupation) => ({ value: occupation.id, label: occupation.classificationCode ? `${occupation.name} ${occupation.classificationCode}` : occupation.name })),
  })).filter((group) => group.options.length > 0);
}

/** One occupation from the catalogue (GET /api/occupations), searchable, clearable to none. */
export function OccupationSelect({ value, onChange, id, testId, placeholder }: Props) {
  const { t } = useTranslation(OCCUPATIONS_NS);
  const catalogue = useApi(occupationsApi.list, 'occupations');
  const shownPlaceholder = placeholder ?? t('select.placeholder');
  return (
    <Select<number | null>
      id={id}
      aria-label={id ? undefined : shownPlaceholder}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={occupationOptions(catalogue.data?.occupations ?? [], (groupKey) => t(`groups.${groupKey}`))}
      loading={catalogue.isLoading}
      allowClear
      placeholder={shownPlaceholder}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}

/** 我的职业: a host, recruiter or bureau member states the occupation they do here (PUT /api/me/occupation). */
export function StatedOccupationCard() {
  const { t } = useTranslation(OCCUPATIONS_NS);
  const { message } = App.useApp();
  const stated = useApi(occupationsApi.getMine, 'my-occupation');
  const [choice, setChoice] = useState<number | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const current = stated.data?.occupation ?? null;
  useEffect(() => setChoice(current?.id ?? null), [current?.id]);

  const handleSave = async (occupationId: number | null) => {
    setIsSaving(true);
    try {
      await occupationsApi.stateMine(occupationId);
      void message.success(t(occupationId === null ? 'mine.cleared' : 'mine.saved'));
      stated.reload();
    } catch (error) {
      void message.error(pickLanguage((error as Error).message ?? String(error), currentLanguage()));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Card size="small" title={t('mine.title')} data-testid="my-occupation">
      <div className="stack" style={{ gap: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('mine.hint')}</Typography.Text>
        <Typography.Text data-testid="my-occupation-current">{current ? t('mine.current', { name: current.name }) : t('mine.notStated')}</Typography.Text>
        <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
          <OccupationSelect value={choice} onChange={setChoice} testId="my-occupation-select" />
          <Button type="primary" loading={isSaving} disabled={stated.isLoading || choice === (current?.id ?? null)} onClick={() => void handleSave(choice)} data-testid="my-occupation-save">
            {choice === null && current ? t('mine.clear') : t('mine.save')}
          </Button>
        </Space.Compact>
      </div>
    </Card>
  );
}
