import { EnvironmentOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { useLocalizedNames, useReference } from '../../app/reference';
import { CitySelect } from '../../components/city-select';
import { getProfile } from '../seekers/api';
import { NEAR_NS } from './near-i18n';
import './near-me-bar.css';
import { readNearCity, readSeekerPrefs, saveNearCity, type NearCity } from './seeker-place';

type Status = 'idle' | 'locating' | 'denied' | 'deniedNoHome' | 'unavailable';

/**
 * 附近: where the distances are measured from. The browser's position is asked for only on a tap and turned
 * into a city on the phone; when it is refused, the seeker's home city (quick profile, else the first-use
 * answer) is used, and a city can always be chosen by hand.
 */
export default function NearMeBar({ nearCityCode, onNearCity }: { nearCityCode?: string; onNearCity: (code: string) => void }) {
  const { t } = useTranslation(NEAR_NS);
  const { user } = useAuth();
  const { reference } = useReference();
  const names = useLocalizedNames(currentLanguage());
  const [status, setStatus] = useState<Status>('idle');
  const stored = readNearCity();

  useEffect(() => {
    // Known from an earlier visit: no need to ask again.
    if (!nearCityCode && stored) onNearCity(stored.code);
    // Only on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const choose = (city: NearCity) => {
    saveNearCity(city);
    onNearCity(city.code);
  };

  const findHomeCity = async () => {
    const profile = user?.role === 'seeker' ? (await getProfile().catch(() => ({ profile: null }))).profile : null;
    return profile?.homeCityCode ?? readSeekerPrefs()?.cityCode ?? null;
  };

  const handleLocate = async () => {
    if (!reference) return;
    setStatus('locating');
    const { locateCity } = await import('./locate');
    const result = await locateCity(reference.cities);
    if ('cityCode' in result) {
      choose({ code: result.cityCode, source: 'device' });
      setStatus('idle');
      return;
    }
    const home = await findHomeCity();
    if (home) choose({ code: home, source: 'home' });
    setStatus(home ? 'denied' : result.problem === 'denied' ? 'deniedNoHome' : 'unavailable');
  };

  const source = stored?.code === nearCityCode ? stored?.source : undefined;
  const sourceLabel = source === 'device' ? t('fromDevice') : source === 'home' ? t('fromHome') : source === 'chosen' ? t('fromChoice') : '';
  const problem = status === 'denied' || status === 'deniedNoHome' || status === 'unavailable' ? t(status) : null;
  return (
    <section className="near-me-bar" data-testid="near-me-bar" data-near-city={nearCityCode ?? ''} data-source={source ?? ''}>
      <p className="near-me-text" data-testid="near-me-text">
        <EnvironmentOutlined />{' '}
        {nearCityCode ? `${t('sortedFrom', { city: names.city(nearCityCode, nearCityCode) })}${sourceLabel}` : t('ask')}
      </p>
      {problem ? <p className="near-me-problem" role="status" data-testid="near-me-problem">{problem}</p> : null}
      <div className="near-me-actions">
        <Button type={nearCityCode ? 'default' : 'primary'} icon={<EnvironmentOutlined />} loading={status === 'locating'} onClick={() => void handleLocate()} data-testid="near-me-locate">
          {status === 'locating' ? t('locating') : t('useLocation')}
        </Button>
        <CitySelect
          value={nearCityCode ?? null}
          allowClear={false}
          placeholder={t('chooseCity')}
          onChange={(code) => code && choose({ code, source: 'chosen' })}
          testId="near-me-city"
          style={{ flex: 1, minWidth: 0 }}
        />
      </div>
    </section>
  );
}
