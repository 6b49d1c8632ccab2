import { Button, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { AUTH_NS } from './i18n';

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const CODE_PATTERN = /^\d{6}$/;

type Props = {
  value?: string;
  onChange?: (value: string) => void;
  /** The phone to send to; null when the phone field is not valid yet (the form shows why). */
  getPhone: () => Promise<string | null>;
  /** A refused send (banned phone, too many codes): shown by the form. */
  onSendError: (message: string) => void;
  testIdPrefix: string;
};

/**
 * The 6-digit code field with 获取验证码 beside it; after a send the button counts down until another may
 * be asked for (the server's answer, also after a 429). Used inside a Form.Item (value/onChange).
 */
export function PhoneCodeInput({ value, onChange, getPhone, onSendError, testIdPrefix }: Props) {
  const { t } = useTranslation(AUTH_NS);
  const { requestPhoneCode } = useAuth();
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [isSending, setIsSending] = useState(false);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((seconds) => seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const handleSend = async () => {
    const phone = await getPhone();
    if (!phone) return;
    setIsSending(true);
    try {
      setSecondsLeft(await requestPhoneCode(phone));
    } catch (error) {
      const wait = error instanceof ApiError ? Number(error.body.retryAfterSeconds) : NaN;
      if (Number.isFinite(wait) && wait > 0) setSecondsLeft(wait);
      const problem = error instanceof ApiError ? error.fields.find((field) => field.path === 'body.phone')?.message ?? error.message : (error as Error).message;
      onSendError(pickLanguage(problem, currentLanguage()));
    } finally {
      setIsSending(false);
    }
  };

  return (
    <Space.Compact block>
      <Input
        value={value}
        onChange={(event) => onChange?.(event.target.value.replace(/\D/g, '').slice(0, 6))}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder={t('phoneCode.codePlaceholder')}
        data-testid={`${testIdPrefix}-code`}
      />
      <Button onClick={handleSend} loading={isSending} disabled={secondsLeft > 0} data-testid={`${testIdPrefix}-send-code`} style={{ minWidth: 112 }}>
        {secondsLeft > 0 ? t('phoneCode.resendIn', { seconds: secondsLeft }) : t('phoneCode.send')}
      </Button>
    </Space.Compact>
  );
}
