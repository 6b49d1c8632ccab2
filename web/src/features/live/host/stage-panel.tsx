import { UsergroupAddOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, List, Popconfirm, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { pickLanguage } from '../../../app/server-errors';
import { useLiveSocket } from '../socket';
import { HandIcon } from '../stage/hand-button';
import { StageHost, type StageHostState } from './stage-host';
import { STUDIO_NS } from './studio-i18n';
import type { StudioRecorder } from './studio-recorder';

/** 连麦 in the studio: the button with the raised hands' count, the list to invite from, and the guest's status with 结束连麦. */
export function StagePanel({ sessionId, recorder, isOnAir, onGuest }: { sessionId: string; recorder: StudioRecorder | null; isOnAir: boolean; onGuest(isOnStage: boolean): void }) {
  const { t } = useTranslation(STUDIO_NS);
  const { message } = App.useApp();
  const language = currentLanguage();
  const socket = useLiveSocket();
  const hostRef = useRef<StageHost | null>(null);
  const [stage, setStage] = useState<StageHostState>({ candidates: [], guest: null, isGuestConnected: false });
  const [isOpen, setIsOpen] = useState(false);
  const [busyUserId, setBusyUserId] = useState<string | null>(null);

  useEffect(() => {
    if (!socket || !recorder || !isOnAir) return;
    const host = new StageHost(socket, sessionId, recorder, setStage);
    hostRef.current = host;
    void host.start().catch(() => undefined);
    return () => {
      host.close();
      hostRef.current = null;
      setStage({ candidates: [], guest: null, isGuestConnected: false });
    };
  }, [socket, recorder, sessionId, isOnAir]);

  const run = async (userId: string, work: (host: StageHost) => Promise<void>) => {
    const host = hostRef.current;
    if (!host) return;
    setBusyUserId(userId);
    try {
      await work(host);
    } catch (error) {
      message.error(pickLanguage((error as Error).message, language));
      await host.refresh().catch(() => undefined);
    } finally {
      setBusyUserId(null);
    }
  };

  const { guest } = stage;
  useEffect(() => onGuest(stage.isGuestConnected), [onGuest, stage.isGuestConnected]);
  const raisedCount = stage.candidates.filter((item) => item.raisedAt).length;
  const guestLine = !guest ? null
    : guest.status === 'invited' ? t('stage.invited', { name: guest.name })
      : stage.isGuestConnected ? t('stage.onStage', { name: guest.name }) : t('stage.connecting', { name: guest.name });

  return (
    <>
      {guest ? (
        <div className="studio-stage-guest" role="status" data-testid="stage-guest" data-status={guest.status} data-connected={stage.isGuestConnected}>
          <span>{guestLine}</span>
          {guest.status === 'invited' ? (
            <Button size="small" onClick={() => void run(guest.userId, (host) => host.end())} loading={busyUserId === guest.userId}>{t('stage.withdraw')}</Button>
          ) : (
            <Popconfirm title={t('stage.removeConfirm', { name: guest.name })} onConfirm={() => run(guest.userId, async (host) => {
              await host.end();
              message.info(t('stage.ended'));
            })} okButtonProps={{ danger: true }}>
              <Button size="small" danger data-testid="stage-remove">{t('stage.remove')}</Button>
            </Popconfirm>
          )}
        </div>
      ) : null}
      <Badge count={raisedCount} size="small" offset={[-4, 4]}>
        <Button shape="circle" size="large" icon={<UsergroupAddOutlined />} onClick={() => setIsOpen(true)} disabled={!isOnAir} aria-label={t('stage.button')} title={isOnAir ? t('stage.button') : t('stage.onlyLive')} data-testid="stage-open" />
      </Badge>
      <Drawer open={isOpen} onClose={() => setIsOpen(false)} placement="bottom" size="large" title={t('stage.title')} data-testid="stage-drawer">
        <p className="studio-stage-hint">{t('stage.hint')}</p>
        {stage.candidates.length === 0 ? <Empty description={t('stage.empty')} /> : (
          <List
            dataSource={stage.candidates}
            rowKey="userId"
            renderItem={(candidate) => (
              <List.Item
                data-testid="stage-candidate"
                actions={[
                  <Button key="invite" type="primary" size="small" disabled={!!guest} loading={busyUserId === candidate.userId} onClick={() => void run(candidate.userId, (host) => host.invite(candidate.userId))}>
                    {t('stage.invite')}
                  </Button>,
                ]}
              >
                <List.Item.Meta title={candidate.name} description={<>
                  {candidate.raisedAt ? <Tag color="orange" icon={<HandIcon />}> {t('stage.raised')}</Tag> : null}
                  {candidate.kind === 'hr' ? <Tag color="blue">{t('stage.hr')}</Tag> : null}
                </>} />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
