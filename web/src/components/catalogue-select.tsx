import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../app/i18n';
import { localName, useReference } from '../app/reference';

type Props = {
  catalogue: 'categories' | 'industries';
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  isMultiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  testId?: string;
};

/** Job categories (普工, 技工…) or GB/T 4754 industries, in the reader's language. */
export function CatalogueSelect({ catalogue, value, onChange, isMultiple = false, placeholder, allowClear = true, id, testId }: Props) {
  const { t } = useTranslation();
  const { reference } = useReference();
  const language = currentLanguage();
  const options = (reference?.[catalogue] ?? []).map((item) => ({
    value: item.code,
    label: catalogue === 'industries' && language === 'zh' ? `${item.code} ${localName(item, language)}` : localName(item, language),
  }));
  const shownPlaceholder = placeholder ?? t(catalogue === 'categories' ? 'common.categoryPlaceholder' : 'common.industryPlaceholder');
  return (
    <Select
      id={id}
      aria-label={id ? undefined : shownPlaceholder}
      data-testid={testId}
      mode={isMultiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(next: string | string[] | undefined) => onChange?.(next ?? undefined)}
      options={options}
      loading={!reference}
      allowClear={allowClear}
      placeholder={shownPlaceholder}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
    />
  );
}
