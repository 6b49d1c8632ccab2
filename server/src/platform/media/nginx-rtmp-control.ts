/**
 * nginx-rtmp's control module (MEDIA_CONTROL_URL, `rtmp_control all`): where the app nodes stop a publisher (结束直播,
 * a banned host) or one viewer's RTMP/HTTP-FLV playback (a ban), as the embedded server does in its own process.
 * `drop/subscriber` takes nginx's connection number (`clientid`), which on_play posts.
 */
export type NginxRtmpControl = {
  dropPublisher(sessionId: string): Promise<void>;
  dropSubscriber(sessionId: string, clientId: string): Promise<void>;
};

export function createNginxRtmpControl(controlUrl: string, onError: (error: unknown, what: string) => void): NginxRtmpControl {
  const call = async (what: string, parameters: Record<string, string>) => {
    try {
      const response = await fetch(`${controlUrl}/${what}?${new URLSearchParams({ app: 'live', ...parameters })}`, { signal: AbortSignal.timeout(5_000) });
      if (!response.ok) throw new Error(`nginx-rtmp control ${what}: HTTP ${response.status}`);
    } catch (error) {
      onError(error, what);
    }
  };
  return {
    dropPublisher: (sessionId) => call('drop/publisher', { name: sessionId }),
    dropSubscriber: (sessionId, clientId) => call('drop/subscriber', { name: sessionId, clientid: clientId }),
  };
}
