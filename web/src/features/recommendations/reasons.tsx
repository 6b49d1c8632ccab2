import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useLocalizedNames, useReference } from '../../app/reference';
import type { RecommendationReason } from './api';
import { RECOMMENDATIONS_NS } from './i18n';

/** Why 推荐 shows something ("你关注的工种：普工", "离你 12 km"), in the reader's language. */
export function ReasonTags({ reasons }: { reasons: RecommendationReason[] }) {
  const { t } = useTranslation(RECOMMENDATIONS_NS);
  const language = currentLanguage();
  const names = useLocalizedNames(language);
  const { reference } = useReference();
  const say = (reason: RecommendationReason) => {
    switch (reason.kind) {
      case 'desired_category':
      case 'applied_category':
        return t(`reason.${reason.kind}`, { name: names.category(reason.categoryCode, reason.categoryCode) });
      case 'same_city':
      case 'home_city':
        return t(`reason.${reason.kind}`, { city: names.city(reason.cityCode, reason.cityCode) });
      case 'nearby':
        return t('reason.nearby', { km: reason.km });
      case 'home_province': {
        const province = reference?.provinceByCode.get(reason.provinceCode);
        return t('reason.home_province', { province: province ? (language === 'en' ? province.nameEn : province.shortName) : reason.provinceCode });
      }
      default:
        return t(`reason.${reason.kind}`);
    }
  };
  if (reasons.length === 0) return null;
  return (
    <div className="reason-tags" data-testid="reasons">
      {reasons.map((reason, index) => (
        <span key={index} className={`reason-tag is-${reason.kind}`} data-reason={reason.kind}>{say(reason)}</span>
      ))}
    </div>
  );
}
