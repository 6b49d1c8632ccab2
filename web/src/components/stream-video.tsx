import { useEffect, useRef } from 'react';

/** A `<video>` showing a MediaStream (a camera, or the other side of a WebRTC call), playing as soon as it has one. */
export function StreamVideo({ stream, isMuted, testId, className }: { stream: MediaStream | null; isMuted: boolean; testId: string; className: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = stream;
    if (stream) void video.play().catch(() => undefined);
  }, [stream]);
  return <video ref={ref} className={className} data-testid={testId} autoPlay playsInline muted={isMuted} />;
}
