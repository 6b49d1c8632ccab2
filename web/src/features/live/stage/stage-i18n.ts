import { registerTranslations } from '../../../app/i18n';

// 连麦's words for the invited viewer, loaded with the consent screen (the hand button's are in ../i18n.ts, the host's in host/studio-i18n.ts).
const zh = {
  consentTitle: '{{host}} 邀请你连麦',
  consentBody: '接受后，你的摄像头画面和声音会出现在「{{title}}」直播中，所有观众都能看到、听到，回放里也会有。可以随时点「结束连麦」离开。',
  consentPrivacy: '不要在镜头前展示身份证、手机号等个人信息。',
  accept: '接受，打开摄像头',
  decline: '拒绝',
  expiresIn: '{{seconds}} 秒内有效',
  starting: '正在打开摄像头…',
  waiting: '已接受，正在接通主播…',
  live: '你正在连麦，观众能看到你',
  end: '结束连麦',
  mute: '关闭麦克风',
  unmute: '打开麦克风',
  endedByHost: '主播结束了连麦',
  ended: '连麦已结束',
  problems: {
    insecure: '浏览器只在 HTTPS 网址下允许使用摄像头。',
    denied: '没有摄像头或麦克风权限：点地址栏左侧的锁形图标 → 允许摄像头和麦克风，然后再接受一次。',
    no_camera: '没有找到可用的摄像头（可能被其他应用占用）。',
    unsupported: '这个浏览器不支持连麦，请用最新版微信、Chrome 或 Safari。',
  },
};

const en: typeof zh = {
  consentTitle: '{{host}} invites you on stage',
  consentBody: 'If you accept, your camera picture and voice go into the live session "{{title}}": every viewer sees and hears you, and so will the replay. Tap "End 连麦" to leave at any time.',
  consentPrivacy: 'Do not show your ID card, phone number or other personal details on camera.',
  accept: 'Accept and open the camera',
  decline: 'Decline',
  expiresIn: 'Valid for {{seconds}} s',
  starting: 'Opening the camera…',
  waiting: 'Accepted, connecting to the host…',
  live: 'You are on stage: viewers can see you',
  end: 'End 连麦',
  mute: 'Turn the microphone off',
  unmute: 'Turn the microphone on',
  endedByHost: 'The host ended 连麦',
  ended: '连麦 has ended',
  problems: {
    insecure: 'Browsers allow the camera only on HTTPS addresses.',
    denied: 'No permission for the camera or microphone: tap the lock icon left of the address → allow both, then accept again.',
    no_camera: 'No usable camera found (another app may be using it).',
    unsupported: 'This browser cannot do 连麦: use a recent WeChat, Chrome or Safari.',
  },
};

export const STAGE_NS = registerTranslations('stage', { zh, en });
