// 沟通 in the browser: a seeker on a phone finds a job in search, applies from its page and asks the employer a
// question; the employer (desktop) edits a quick reply (常用语) and answers with it, sends a job card (发岗位)
// and asks to exchange phone numbers; the seeker agrees; the employer then sees the full number (inbox and
// application drawer); 交换微信: the seeker agrees and types the WeChat ID, the employer sees it; both sides see
// read receipts; the history survives a reload; the seeker's 谁能看我的手机号 lists both looks and 撤回 ends both
// consents. Real server, real sockets, headless Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, TEST_PASSWORD } from '../server/src/test/factories.js';
import {
  browserAvailability, chooseOption, createPageOpener, eventually, expectAttribute, expectCount, expectText, expectValue, launchChromium, readLoggedCode,
  saveScreenshot, signInThroughForm, signInWithPhoneCode, startServer, type RunningServer,
} from './support.js';

const availability = browserAvailability();
const suffix = String(Date.now()).slice(-6);

describe.skipIf(availability.shouldSkip)('conversations (沟通) in the browser', { timeout: 240_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let employerEmail: string;
  const jobTitle = `电子厂普工${suffix}`;
  const seekerPhone = `136${suffix}77`;
  const maskedPhone = `${seekerPhone.slice(0, 3)}****${seekerPhone.slice(7)}`;
  const wechatId = `wx_jianjun${suffix}`;
  const opener = createPageOpener(() => ({ browser, baseUrl: server.baseUrl }));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const { employer } = await buildCompany(server.context, { name: `昆山精密电子${suffix}` });
    employerEmail = employer.email!;
    await buildJob(server.context, employer, { title: jobTitle });
  });

  afterAll(async () => {
    await opener.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('seeker asks from the job page, employer answers and asks for the number, seeker agrees; receipts and history hold', async () => {
    // The seeker (phone): signs in with an SMS code, finds the job by keyword, applies from its page.
    const seeker: Page = await opener.open('phone');
    await signInWithPhoneCode(seeker, seekerPhone, readLoggedCode(server.context));
    await seeker.goto('/');
    await seeker.getByTestId('filter-keyword').locator('input').fill(jobTitle);
    await seeker.getByTestId('filter-keyword').locator('input').press('Enter');
    await seeker.getByTestId('job-card').filter({ hasText: jobTitle }).click();
    await seeker.getByTestId('job-detail').waitFor();
    await seeker.getByTestId('job-apply').click();
    await seeker.getByTestId('apply-name').fill('王建军');
    await chooseOption(seeker, 'apply-city', '郑州', '郑州');
    await seeker.getByTestId('apply-submit').click();
    await seeker.getByTestId('apply-success').waitFor();
    await seeker.getByTestId('apply-close').click();
    await seeker.getByTestId('job-applied').waitFor();
    await saveScreenshot(seeker, 'conversations-seeker-job-page');

    // 沟通 opens the chat; a question about fees is delivered with the platform's tip.
    await seeker.getByTestId('job-chat').click();
    await seeker.waitForURL(/\/messages\/\d+$/);
    const chat = seeker.getByTestId('chat-page');
    await expectText(chat.getByTestId('chat-title'), `昆山精密电子${suffix}`, 'the chat title');
    await seeker.getByTestId('chat-input').fill('宿舍几人一间？要交押金吗？');
    await seeker.getByTestId('chat-send').click();
    const question = chat.locator('[data-testid="message"][data-mine="true"]').filter({ hasText: '要交押金吗' });
    await expectAttribute(question.getByTestId('message-receipt'), 'data-read', 'false', "the question's receipt before the employer reads it");
    await expectText(chat.getByTestId('message-tip'), '正规招聘不收取任何费用', 'the platform tip', { contains: true });
    await saveScreenshot(seeker, 'conversations-seeker-question');

    // The employer (desktop): 消息 shows one unread; the inbox lists the seeker with the application.
    const employer: Page = await opener.open('desktop');
    await signInThroughForm(employer, employerEmail, TEST_PASSWORD);
    await expectText(employer.getByTestId('header-messages-count').locator('.ant-badge-count'), '1', "the header's unread messages");
    await employer.getByTestId('header-messages').click();
    await employer.waitForURL(/\/inbox$/);
    const item = employer.getByTestId('inbox-item').filter({ hasText: '王建军' });
    await expectAttribute(item, 'data-unread', '1', "the conversation's unread count");
    await item.click();
    const inbox = employer.getByTestId('inbox-chat');
    await expectText(inbox.getByTestId('inbox-phone'), maskedPhone, 'the masked number');
    await inbox.locator('[data-testid="message"][data-mine="false"]').filter({ hasText: '要交押金吗' }).waitFor();
    // Read on the employer's screen: 已读 on the seeker's, pushed over the socket.
    await expectAttribute(question.getByTestId('message-receipt'), 'data-read', 'true', "the question's receipt after the employer read it");
    await expectText(question.getByTestId('message-receipt'), '已读', 'the 已读 receipt');

    // A quick reply (常用语) edited in the editor, then picked and sent; the seeker has it at once and the
    // employer sees it read.
    const answerText = '宿舍4人一间，有空调；包吃住，不收任何费用';
    await inbox.getByTestId('quick-replies-open').click();
    await employer.getByTestId('quick-replies-edit').click();
    const editor = employer.getByTestId('quick-replies-text');
    await eventually(() => editor.inputValue(), 'the default quick replies in the editor').toContain('包吃住，工资按月发放，不收任何费用');
    const edited = (await editor.inputValue()).replace('包吃住，工资按月发放，不收任何费用', answerText);
    await editor.fill(edited);
    await employer.getByTestId('quick-replies-save').click();
    await expectCount(editor, 0, 'the closed quick-replies editor');
    await inbox.getByTestId('quick-replies-open').click();
    await employer.getByTestId('quick-reply').filter({ hasText: answerText }).click();
    await expectValue(employer.getByTestId('chat-input'), answerText, 'the edited quick reply in the send box');
    await employer.getByTestId('chat-send').click();
    await chat.locator('[data-testid="message"][data-mine="false"]').filter({ hasText: '宿舍4人一间' }).waitFor();
    const answer = inbox.locator('[data-testid="message"][data-mine="true"]').filter({ hasText: '宿舍4人一间' });
    await expectAttribute(answer.getByTestId('message-receipt'), 'data-read', 'true', "the answer's receipt once the seeker's open chat got it");

    // 发岗位: the employer sends the job as a card; the seeker's chat shows it, linking to the job.
    await inbox.getByTestId('send-job-card').click();
    await employer.getByTestId('job-card-send').click();
    await expectCount(employer.getByTestId('job-card-send'), 0, 'the closed job-card dialog');
    const card = chat.getByTestId('message-job-card');
    await expectText(card, jobTitle, 'the job card in the seeker\'s chat', { contains: true });
    await expectAttribute(card, 'href', /\/jobs\/[\w-]+$/, 'the job card\'s link');

    // 交换电话: the employer asks, the seeker agrees in the chat.
    await inbox.getByTestId('request-contact').click();
    await inbox.getByTestId('contact-pending').waitFor();
    const request = chat.locator('[data-testid="contact-request"][data-kind="phone"]');
    await request.getByTestId('contact-accept').click();
    await expectAttribute(request, 'data-status', 'accepted', 'the answered contact request');
    await saveScreenshot(seeker, 'conversations-seeker-chat');

    // The employer now sees the full number: in the inbox (a logged look) and in the application drawer.
    await inbox.getByTestId('phone-consent').waitFor();
    await inbox.getByTestId('inbox-show-phone').click();
    await expectText(inbox.getByTestId('inbox-phone'), seekerPhone, 'the full number in the inbox');
    await saveScreenshot(employer, 'conversations-employer-inbox');
    await inbox.getByTestId('inbox-open-application').click();
    await expectText(employer.getByTestId('application-drawer').getByTestId('drawer-phone'), seekerPhone, 'the full number in the application drawer');
    // The inbox's 查看电话 is a logged look (the seeker sees it under 谁能看我的手机号); the drawer opened right
    // after shows the same application to the same viewer, so it is not logged again (DETAIL_LOOK_WINDOW_MS).
    const looks = await server.context.db.query<{ count: number; conversations: number }>(
      "select count(*)::int as count, count(l.conversation_id)::int as conversations from phone_unmask_log l join users u on u.id = l.seeker_user_id where u.phone = $1 and l.kind = 'phone'", [seekerPhone],
    );
    expect(looks[0]).toEqual({ count: 1, conversations: 1 });
    await employer.keyboard.press('Escape');
    await expectCount(employer.getByTestId('application-drawer'), 0, 'the closed application drawer');

    // 交换微信: not shown before the seeker agrees; the seeker has no 微信号 yet, so agreeing asks for it.
    await expectText(inbox.getByTestId('inbox-wechat'), '未交换', 'the WeChat ID before the exchange');
    await inbox.getByTestId('request-wechat').click();
    await inbox.getByTestId('wechat-pending').waitFor();
    const wechatRequest = chat.locator('[data-testid="contact-request"][data-kind="wechat"]');
    await expectText(wechatRequest, '对方请求交换微信', 'the WeChat request in the seeker\'s chat', { contains: true });
    await wechatRequest.getByTestId('contact-accept').click();
    await seeker.getByTestId('wechat-id-input').fill(wechatId);
    await saveScreenshot(seeker, 'conversations-seeker-wechat-id');
    await seeker.getByTestId('wechat-id-submit').click();
    await expectAttribute(wechatRequest, 'data-status', 'accepted', 'the answered WeChat request');
    await inbox.getByTestId('inbox-show-wechat').click();
    await expectText(inbox.getByTestId('inbox-wechat'), wechatId, 'the WeChat ID in the inbox');
    await saveScreenshot(employer, 'conversations-employer-wechat');

    // A reload keeps the history, oldest first; in English the receipts read "Read".
    await seeker.reload();
    const bodies = chat.locator('[data-testid="message"]').getByTestId('message-body');
    await expectCount(bodies, 3, 'the messages after a reload');
    await expectText(bodies.first(), '宿舍几人一间？要交押金吗？', 'the first message after a reload');
    await expectText(bodies.nth(1), answerText, 'the answer after a reload');
    await expectText(bodies.last(), jobTitle, 'the job card after a reload', { contains: true });
    await expectAttribute(request, 'data-status', 'accepted', 'the contact request after a reload');
    await expectAttribute(wechatRequest, 'data-status', 'accepted', 'the WeChat request after a reload');
    await seeker.getByTestId('language-switch').click();
    await expectText(question.getByTestId('message-receipt'), 'Read', 'the receipt in English');
    await expectText(wechatRequest, 'Agreed to exchange WeChat', 'the WeChat request in English', { contains: true });
    await saveScreenshot(seeker, 'conversations-seeker-chat-en');
    await seeker.goto('/me/contact-consents');
    await expectCount(seeker.getByTestId('phone-look'), 2, 'the looks in English');
    await expectText(seeker.locator('[data-testid="phone-look"][data-kind="wechat"]'), 'viewed your WeChat ID', 'the WeChat look in English', { contains: true });
    await saveScreenshot(seeker, 'conversations-seeker-consents-en');
    await seeker.getByTestId('language-switch').click();

    // 谁能看我的手机号: both consents to the company and both looks (the number, the WeChat ID); 撤回 ends both.
    const consents = seeker.getByTestId('contact-consent');
    await expectCount(consents, 2, 'the consents (phone and WeChat)');
    await expectText(seeker.locator('[data-testid="phone-look"][data-kind="wechat"]'), '查看了你的微信号', 'the logged look at the WeChat ID', { contains: true });
    await expectText(seeker.locator('[data-testid="phone-look"][data-kind="phone"]'), '查看了你的手机号', 'the logged look at the number', { contains: true });
    await saveScreenshot(seeker, 'conversations-seeker-consents');
    await consents.first().getByTestId('withdraw-consent').click();
    await seeker.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expectCount(seeker.getByTestId('withdraw-consent'), 0, 'no consent left to withdraw');
    await expectCount(consents.filter({ hasText: '已撤回' }), 2, 'both consents withdrawn');
    await expectCount(seeker.getByTestId('phone-look'), 2, 'the looks still listed after withdrawing');
    // The employer, after a reload: the number masked again and 交换微信 offered again.
    await employer.reload();
    await expectText(employer.getByTestId('inbox-chat').getByTestId('inbox-phone'), maskedPhone, 'the masked number after the withdrawal');
    await employer.getByTestId('inbox-chat').getByTestId('request-wechat').waitFor();
    await expectText(employer.getByTestId('inbox-chat').getByTestId('inbox-wechat'), '未交换', 'no WeChat ID after the withdrawal');

    // The 消息 list: the conversation with nothing unread; the page fits the phone.
    await seeker.goto('/messages');
    await expectAttribute(seeker.getByTestId('conversation-item'), 'data-unread', '0', 'the read conversation');
    await seeker.getByTestId('tab-messages').waitFor();
    await saveScreenshot(seeker, 'conversations-seeker-list');
    const width = await seeker.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('raised no page errors', () => {
    expect(opener.problems.flatMap((item) => item.errors)).toEqual([]);
  });
});
