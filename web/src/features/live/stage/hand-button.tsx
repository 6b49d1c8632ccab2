import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { currentLanguage } from '../../../app/i18n';
import { pickLanguage } from '../../../app/server-errors';
import { LIVE_NS } from '../i18n';

/** 举手: a signed-in viewer asks to go on stage (连麦); a signed-out one is taken to sign in first. */
export function HandButton({ isSignedIn, isRaised, isEnabled, onRaise, signInPath }: { isSignedIn: boolean; isRaised: boolean; isEnabled: boolean; onRaise(next: boolean): Promise<boolean>; signInPath: string }) {
  const { t } = useTranslation(LIVE_NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [isBusy, setIsBusy] = useState(false);

  const handleClick = async () => {
    if (!isSignedIn) return navigate(signInPath);
    setIsBusy(true);
    try {
      const raised = await onRaise(!isRaised);
      if (raised) message.success(t('room.stageRaisedToast'));
    } catch (error) {
      message.error(pickLanguage((error as Error).message, currentLanguage()));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <button
      type="button"
      className={`room-round-button is-hand${isRaised ? ' is-raised' : ''}`}
      onClick={() => void handleClick()}
      disabled={isBusy || (isSignedIn && !isEnabled)}
      aria-pressed={isRaised}
      aria-label={isRaised ? t('room.stageLower') : t('room.stageRaise')}
      title={isRaised ? t('room.stageRaised') : t('room.stageRaise')}
      data-testid="stage-hand"
    >
      <HandIcon />
      <span className="room-round-label" aria-hidden="true">{isRaised ? t('room.stageRaised') : t('room.stageRaise')}</span>
    </button>
  );
}

/** Who is on stage with the host, for everyone watching. */
export function StagePill({ name }: { name: string }) {
  const { t } = useTranslation(LIVE_NS);
  return <p className="stage-pill" data-testid="stage-pill">{t('room.stageOnStage', { name })}</p>;
}

/** A raised hand (drawn here: phones without an emoji font showed a box for ✋). */
export function HandIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false">
      <rect x="6" y="4" width="2.6" height="10" rx="1.3" />
      <rect x="9.2" y="2" width="2.6" height="11" rx="1.3" />
      <rect x="12.4" y="3" width="2.6" height="10" rx="1.3" />
      <rect x="15.6" y="5" width="2.6" height="9" rx="1.3" />
      <path d="M6 11h12.2v4.5A6.5 6.5 0 0 1 11.7 22h-.2A5.5 5.5 0 0 1 6 16.5z" />
      <rect x="2.6" y="10.2" width="2.6" height="7" rx="1.3" transform="rotate(-35 3.9 13.7)" />
    </svg>
  );
}
