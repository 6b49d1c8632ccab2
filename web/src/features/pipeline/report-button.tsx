import { App, Button, Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { pipelineApi, type ReportReason, type ReportTargetKind } from './api';
import { PIPELINE_NS } from './i18n';

const REASONS: ReportReason[] = ['fee_request', 'fake_job', 'harassment', 'other'];

type Target = { targetKind: ReportTargetKind; targetId: string };

/**
 * Opening a report: signed-in users get the dialog, others go to sign-in and come back here. For triggers of
 * one's own (the live room's "more" sheet); `ReportButton` is the ready-made link.
 */
export function useReportOpener() {
  const { user, isLoading } = useAuth();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  // A tap while the session is still being read waits for it: a signed-in user is never sent to sign-in.
  const [isRequested, setIsRequested] = useState(false);
  useEffect(() => {
    if (!isRequested || isLoading) return;
    setIsRequested(false);
    if (user) setIsOpen(true);
    else navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
  }, [isRequested, isLoading, user, navigate]);
  return { isOpen, open: () => setIsRequested(true), close: () => setIsOpen(false) };
}

/** The report form: reason and details, sent to the admins' queue. */
export function ReportDialog({ targetKind, targetId, isOpen, onClose }: Target & { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation(PIPELINE_NS);
  const { message } = App.useApp();
  const [isBusy, setIsBusy] = useState(false);
  const [form] = Form.useForm<{ reason: ReportReason; details: string }>();

  const handleSubmit = async () => {
    const values = await form.validateFields();
    setIsBusy(true);
    try {
      await pipelineApi.fileReport({ targetKind, targetId, reason: values.reason, details: values.details?.trim() ?? '' });
      message.success(t('report.done'));
      onClose();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, currentLanguage()));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Modal open={isOpen} title={t(`report.titles.${targetKind}`)} onCancel={onClose} onOk={() => void handleSubmit()} okText={t('report.submit')} confirmLoading={isBusy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ reason: 'fee_request', details: '' }}>
        <Form.Item name="reason" label={t('report.reason')}>
          <Radio.Group options={REASONS.map((reason) => ({ value: reason, label: t(`report.reasons.${reason}`) }))} data-testid="report-reason" />
        </Form.Item>
        <Form.Item name="details" label={t('report.details')} rules={[({ getFieldValue }) => ({
          validator: (_rule, value?: string) => (getFieldValue('reason') !== 'other' || (value?.trim().length ?? 0) >= 2 ? Promise.resolve() : Promise.reject(new Error(t('report.details')))),
        })]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('report.detailsPlaceholder')} data-testid="report-details" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Report" for a job page, a replay or a company page: a small link that opens the dialog. */
export function ReportButton({ targetKind, targetId }: Target) {
  const { t } = useTranslation(PIPELINE_NS);
  const opener = useReportOpener();
  return (
    <>
      <Button type="link" danger size="small" onClick={opener.open} data-testid="report-button">{t('report.button')}</Button>
      <ReportDialog targetKind={targetKind} targetId={targetId} isOpen={opener.isOpen} onClose={opener.close} />
    </>
  );
}
