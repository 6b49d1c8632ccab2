import { registerTranslations } from '../../../app/i18n';

// 网页开播's words, apart from the live room's dictionary: only the host console and the studio load them.
const zh = {
  open: '网页开播（手机/电脑摄像头）',
  openHint: '不用装 OBS：在手机或电脑浏览器里打开摄像头直接开播，观众看到的和 OBS 推流一样。',
  start: '开始直播',
  onAir: '直播中',
  back: '返回控制台',
  onlyHost: '只有本场主播可以网页开播',
  switch: '翻转摄像头',
  mute: '关闭麦克风',
  unmute: '打开麦克风',
  chat: '最新评论',
  retry: '重试',
  hint: '竖屏拿稳手机，确认画面和声音后点「开始直播」。直播中断网会自动重连。',
  reconnecting: '网络不稳定，正在重新连接…观众暂时看到停顿的画面',
  ended: '直播已结束，回放生成后可在控制台查看。',
  endedBack: '返回控制台',
  problems: {
    insecure: '浏览器只在 HTTPS 网址下允许使用摄像头，请用 https:// 打开本页。',
    unsupported: '这个浏览器不支持网页开播，请用最新版 Chrome、Edge 或 Safari，或改用 OBS 推流。',
    denied: '没有摄像头或麦克风权限：点地址栏左侧的锁形图标 → 允许摄像头和麦克风，然后点「重试」。',
    no_camera: '没有找到摄像头，请接上摄像头后点「重试」。',
    camera_busy: '摄像头正被其他应用占用（如微信视频、会议软件），关掉后点「重试」。',
    network: '网络太慢或已断开，正在重新连接…',
    server: '推流失败，请稍后重试',
    replaced: '已在其他页面或设备上开播，这里已停止推流。',
  },
};

const en: typeof zh = {
  open: 'Go live from the browser (phone or laptop camera)',
  openHint: 'No OBS needed: open the camera in the phone\'s or computer\'s browser and go live; viewers see the same as with OBS.',
  start: 'Go live',
  onAir: 'LIVE',
  back: 'Back to the console',
  onlyHost: 'Only this session\'s host can go live from the browser',
  switch: 'Switch camera',
  mute: 'Turn the microphone off',
  unmute: 'Turn the microphone on',
  chat: 'Latest comments',
  retry: 'Retry',
  hint: 'Hold the phone upright, check picture and sound, then tap "Go live". If the network drops, the studio reconnects by itself.',
  reconnecting: 'Unstable network, reconnecting… viewers see a paused picture for now',
  ended: 'The session has ended; the replay will be in the console once it is ready.',
  endedBack: 'Back to the console',
  problems: {
    insecure: 'Browsers allow the camera only on HTTPS addresses: open this page with https://.',
    unsupported: 'This browser cannot go live from the web: use a recent Chrome, Edge or Safari, or stream with OBS.',
    denied: 'No permission for the camera or microphone: tap the lock icon left of the address → allow camera and microphone, then Retry.',
    no_camera: 'No camera found: connect one and tap Retry.',
    camera_busy: 'Another app is using the camera (a video call, a meeting app): close it and tap Retry.',
    network: 'The network is too slow or down, reconnecting…',
    server: 'The stream could not be published; try again shortly',
    replaced: 'You went live from another page or device; this one has stopped sending.',
  },
};

export const STUDIO_NS = registerTranslations('studio', { zh, en });
