import { useTranslation } from 'react-i18next';
import type { AccountType } from '../app/types';

const COLORS: Record<AccountType, string> = { direct: 'green', agency: 'orange', dispatch: 'gold', public: 'blue' };

/** Who is really hiring: seekers are shown whether a job comes from the employer or an intermediary. */
export function AccountTypeTag({ accountType }: { accountType: AccountType }) {
  const { t } = useTranslation();
  return <span className={`plain-tag plain-tag-${COLORS[accountType]}`} data-testid="account-type">{t(`accountType.${accountType}`)}</span>;
}
