import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../app/i18n';
import { useReference } from '../app/reference';
import { cityMatchScore, cityOptions, type CityOption } from './city-options';

type Props = {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  testId?: string;
  style?: React.CSSProperties;
};

/** Any prefecture-level city, searchable by Chinese name, short name, English name or province. */
export function CitySelect({ value, onChange, placeholder, allowClear = true, id, testId, style }: Props) {
  const { t } = useTranslation();
  const { reference } = useReference();
  const language = currentLanguage();
  const options = useMemo(() => (reference ? cityOptions(reference, language) : []), [reference, language]);
  const shownPlaceholder = placeholder ?? t('common.cityPlaceholder');
  return (
    <Select<string, CityOption>
      id={id}
      aria-label={id ? undefined : shownPlaceholder}
      data-testid={testId}
      style={style}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      loading={!reference}
      allowClear={allowClear}
      placeholder={shownPlaceholder}
      showSearch={{
        filterOption: (search, option) => (option ? cityMatchScore(option, search) > 0 : false),
        filterSort: (a, b, { searchValue }) => cityMatchScore(b, searchValue) - cityMatchScore(a, searchValue),
      }}
      notFoundContent={null}
      popupMatchSelectWidth={false}
      listHeight={320}
    />
  );
}
