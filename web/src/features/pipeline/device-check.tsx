import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PIPELINE_NS } from './i18n';

/** 0–1: how loud the microphone is now (Web Audio's analyser over the local stream); null without a microphone. */
function useMicrophoneLevel(stream: MediaStream | null) {
  const [level, setLevel] = useState<number | null>(null);
  useEffect(() => {
    const track = stream?.getAudioTracks()[0];
    if (!stream || !track || typeof AudioContext === 'undefined') {
      setLevel(null);
      return;
    }
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    const source = context.createMediaStreamSource(new MediaStream([track]));
    source.connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const sample of samples) peak = Math.max(peak, Math.abs(sample - 128) / 128);
      setLevel(track.enabled && track.readyState === 'live' ? peak : 0);
    }, 120);
    void context.resume();
    return () => {
      clearInterval(timer);
      source.disconnect();
      void context.close();
    };
  }, [stream]);
  return level;
}

/**
 * 面试前检查 in the waiting room: whether the camera gives a picture and the microphone hears (a live level bar;
 * "说句话试试"), so a seeker finds a problem before the employer joins rather than during the interview.
 */
export function DeviceCheck({ stream }: { stream: MediaStream | null }) {
  const { t } = useTranslation(PIPELINE_NS);
  const level = useMicrophoneLevel(stream);
  const [hasHeard, setHasHeard] = useState(false);
  if (level !== null && level > 0.05 && !hasHeard) setHasHeard(true);
  const video = stream?.getVideoTracks()[0];
  const isCameraOk = !!video && video.readyState === 'live';
  const isMicrophoneOk = level !== null;
  const mark = (isOk: boolean) => (isOk ? <CheckCircleFilled className="device-ok" /> : <ExclamationCircleFilled className="device-missing" />);

  return (
    <section className="device-check" aria-label={t('interviewRoom.deviceCheck.title')} data-testid="device-check">
      <h3>{t('interviewRoom.deviceCheck.title')}</h3>
      <p data-testid="device-camera" data-ok={isCameraOk}>{mark(isCameraOk)} {t(isCameraOk ? 'interviewRoom.deviceCheck.cameraOk' : 'interviewRoom.deviceCheck.cameraMissing')}</p>
      <p data-testid="device-microphone" data-ok={isMicrophoneOk} data-heard={hasHeard}>
        {mark(isMicrophoneOk)} {t(!isMicrophoneOk ? 'interviewRoom.deviceCheck.microphoneMissing' : hasHeard ? 'interviewRoom.deviceCheck.microphoneHeard' : 'interviewRoom.deviceCheck.microphoneSay')}
      </p>
      {isMicrophoneOk ? (
        <div className="device-meter" role="meter" aria-label={t('interviewRoom.deviceCheck.level')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((level ?? 0) * 100)}>
          <span style={{ width: `${Math.min(100, Math.round((level ?? 0) * 250))}%` }} />
        </div>
      ) : null}
    </section>
  );
}
