import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../app/i18n';

/** One button toggling 中文 ⇄ English; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const handleClick = () => void setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh');
  return (
    <Button size="small" onClick={handleClick} data-testid="language-switch" aria-label={`${t('language.switchTo')} · ${t('language.label')}`}>
      {t('language.switchTo')}
    </Button>
  );
}
