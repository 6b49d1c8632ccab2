import { Alert, App, Button, DatePicker, Form, Input, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { CitySelect } from '../../../components/city-select';
import { applyServerErrors } from '../../../components/server-form-errors';
import { CampaignFormItem } from '../../campaigns/campaign-field';
import { scheduleSession, searchHosts, searchPresentableJobs, type PresentableJob, type SessionDetail } from '../api';
import { LIVE_NS } from '../i18n';

/** A date-time picker value (antd's DatePicker gives a Dayjs). */
type PickedTime = { toISOString(): string; valueOf(): number };
type Values = { title: string; startsAt: PickedTime; jobIds: string[]; coverText?: string; cityCode?: string; campaignId?: string; hostUserId?: string };
const FIELD_NAMES = ['title', 'startsAt', 'jobIds', 'coverText', 'cityCode', 'campaignId', 'hostUserId'] as const;

/** 主播: employers, bureaus and admins may name a host account (searched by name); empty = themselves. */
function HostPicker({ value, onChange }: { value?: string; onChange?: (value: string | undefined) => void }) {
  const { t } = useTranslation(LIVE_NS);
  const [query, setQuery] = useState('');
  const [hosts, setHosts] = useState<Array<{ id: string; displayName: string }>>([]);
  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => {
      searchHosts(query).then(({ hosts: found }) => isCurrent && setHosts(found)).catch(() => isCurrent && setHosts([]));
    }, 250);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [query]);
  return (
    <Select
      allowClear
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      options={hosts.map((host) => ({ value: host.id, label: host.displayName }))}
      showSearch={{ onSearch: setQuery, filterOption: false }}
      placeholder={t('host.form.hostPlaceholder')}
      data-testid="schedule-host"
    />
  );
}

/** 安排直播: title, start, the jobs to present (any employers'), cover text and region. */
export function ScheduleSessionForm({ onScheduled }: { onScheduled: (session: SessionDetail) => void }) {
  const { t } = useTranslation(LIVE_NS);
  const { message } = App.useApp();
  const { user } = useAuth();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PresentableJob[]>([]);
  const [isSearching, setIsSearching] = useState(false);
  const known = useRef(new Map<string, PresentableJob>());
  const watched = Form.useWatch('jobIds', form);

  useEffect(() => {
    let isCurrent = true;
    setIsSearching(true);
    const timer = setTimeout(() => {
      searchPresentableJobs(query)
        .then(({ jobs }) => {
          if (!isCurrent) return;
          for (const job of jobs) known.current.set(job.id, job);
          setResults(jobs.filter((job) => job.status === 'open'));
        })
        .catch(() => isCurrent && setResults([]))
        .finally(() => isCurrent && setIsSearching(false));
    }, 250);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [query]);

  const options = useMemo(() => {
    const ids = new Set([...(watched ?? []), ...results.map((job) => job.id)]);
    return [...ids].flatMap((id) => {
      const job = known.current.get(id);
      return job ? [{ value: job.id, label: `${job.title} · ${job.companyName} · ${job.cityName}` }] : [];
    });
  }, [results, watched]);

  const handleFinish = async (values: Values) => {
    setIsSubmitting(true);
    setFailure(null);
    try {
      const session = await scheduleSession({
        title: values.title.trim(),
        startsAt: values.startsAt.toISOString(),
        jobIds: values.jobIds ?? [],
        coverText: values.coverText?.trim() ?? '',
        cityCode: values.cityCode || undefined,
        campaignId: values.campaignId || undefined,
        hostUserId: values.hostUserId || undefined,
      });
      message.success(t('host.form.created'));
      onScheduled(session);
    } catch (error) {
      setFailure(applyServerErrors(form, error, FIELD_NAMES));
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={handleFinish} data-testid="schedule-form">
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="title" label={t('host.form.sessionTitle')} rules={[{ required: true, whitespace: true, min: 2, message: t('apply.required') }]}>
        <Input maxLength={60} showCount placeholder={t('host.form.sessionTitlePlaceholder')} data-testid="schedule-title" />
      </Form.Item>
      <div className="form-grid">
        <Form.Item name="startsAt" label={t('host.form.startsAt')} rules={[{ required: true, message: t('apply.required') }]}>
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(current) => current.valueOf() < Date.now() - 86_400_000}
            data-testid="schedule-starts-at"
          />
        </Form.Item>
        <Form.Item name="cityCode" label={t('host.form.city')}>
          <CitySelect testId="schedule-city" />
        </Form.Item>
      </div>
      <Form.Item name="jobIds" label={t('host.form.jobs')} extra={t('host.form.jobsHint')}>
        <Select
          mode="multiple"
          options={options}
          showSearch={{ onSearch: setQuery, filterOption: false }}
          loading={isSearching}
          placeholder={t('host.form.jobsPlaceholder')}
          data-testid="schedule-jobs"
        />
      </Form.Item>
      {user && user.role !== 'host' ? (
        <Form.Item name="hostUserId" label={t('host.form.host')} extra={t('host.form.hostHint')}>
          <HostPicker />
        </Form.Item>
      ) : null}
      <CampaignFormItem />
      <Form.Item name="coverText" label={t('host.form.coverText')}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('host.form.coverTextPlaceholder')} data-testid="schedule-cover" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={isSubmitting} data-testid="schedule-submit">
        {t('host.form.submit')}
      </Button>
    </Form>
  );
}
