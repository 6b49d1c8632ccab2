import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Drawer, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { localName, useLocalizedNames, useReference } from '../../app/reference';
import { CitySelect } from '../../components/city-select';
import { saveNearCity, saveSeekerPrefs, type SeekerPrefs } from '../jobs/seeker-place';
import { RECOMMENDATIONS_NS } from './i18n';

const MAX_CATEGORIES = 10;

type Props = {
  isOpen: boolean;
  initial: SeekerPrefs;
  /** Saves the answers where they belong (the quick profile when there is one); the phone keeps them anyway. */
  onSave: (prefs: SeekerPrefs) => Promise<void>;
  onClose: () => void;
};

/** First use of 推荐: the city the seeker is in and the work they want, asked once (and changeable later). */
export default function FirstUseSheet({ isOpen, initial, onSave, onClose }: Props) {
  const { t } = useTranslation(RECOMMENDATIONS_NS);
  const language = currentLanguage();
  const names = useLocalizedNames(language);
  const { reference } = useReference();
  const [cityCode, setCityCode] = useState<string | null>(initial.cityCode);
  const [categories, setCategories] = useState<string[]>(initial.categories);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'located' | 'failed'>('idle');
  const [isSaving, setIsSaving] = useState(false);

  const handleLocate = async () => {
    if (!reference) return;
    setLocating('busy');
    const { locateCity } = await import('../jobs/locate');
    const result = await locateCity(reference.cities);
    if ('cityCode' in result) {
      setCityCode(result.cityCode);
      saveNearCity({ code: result.cityCode, source: 'device' });
      setLocating('located');
    } else {
      setLocating('failed');
    }
  };

  const toggle = (code: string, isChecked: boolean) =>
    setCategories((previous) => (isChecked ? [...previous, code].slice(0, MAX_CATEGORIES) : previous.filter((item) => item !== code)));

  const handleSave = async () => {
    const prefs = { cityCode, categories };
    saveSeekerPrefs(prefs);
    setIsSaving(true);
    try {
      await onSave(prefs);
    } finally {
      setIsSaving(false);
    }
  };

  const handleSkip = () => {
    // Asked once: skipping is an answer too.
    saveSeekerPrefs({ cityCode: initial.cityCode, categories: initial.categories });
    onClose();
  };

  return (
    <Drawer
      open={isOpen}
      placement="bottom"
      size="auto"
      title={t('sheet.title')}
      onClose={handleSkip}
      destroyOnHidden
      className="first-use-sheet"
      data-testid="first-use-sheet"
      footer={(
        <div className="first-use-actions">
          <Button onClick={handleSkip} data-testid="first-use-skip">{t('sheet.skip')}</Button>
          <Button type="primary" loading={isSaving} onClick={() => void handleSave()} disabled={!cityCode && categories.length === 0} data-testid="first-use-save">
            {t('sheet.save')}
          </Button>
        </div>
      )}
    >
      <p className="first-use-intro">{t('sheet.intro')}</p>
      <h3 className="first-use-label">{t('sheet.city')}</h3>
      <div className="first-use-city">
        <CitySelect value={cityCode} onChange={(code) => setCityCode(code ?? null)} testId="first-use-city" style={{ flex: 1, minWidth: 0 }} />
        <Button icon={<EnvironmentOutlined />} loading={locating === 'busy'} onClick={() => void handleLocate()} data-testid="first-use-locate">
          {t('sheet.useLocation')}
        </Button>
      </div>
      {locating === 'located' && cityCode ? <p className="first-use-note" role="status">{t('sheet.located', { city: names.city(cityCode, cityCode) })}</p> : null}
      {locating === 'failed' ? <p className="first-use-note is-problem" role="status">{t('sheet.noLocation')}</p> : null}
      <h3 className="first-use-label">{t('sheet.categories')}</h3>
      <div className="first-use-categories" data-testid="first-use-categories">
        {(reference?.categories ?? []).map((category) => (
          <Tag.CheckableTag key={category.code} checked={categories.includes(category.code)} onChange={(isChecked) => toggle(category.code, isChecked)}
            data-testid={`first-use-category-${category.code}`}>
            {localName(category, language)}
          </Tag.CheckableTag>
        ))}
      </div>
    </Drawer>
  );
}
