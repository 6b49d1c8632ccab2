/**
 * A WeChat ID (微信号) as WeChat allows it: 6–20 letters, digits, _ or -, starting with a letter; or a mainland
 * mobile number, which WeChat also accepts as an ID. The same pattern is checked by the database
 * (migrations/0094_add_wechat_contact_exchange.sql), the server and the web forms. No zod here: the web imports it.
 */
export const WECHAT_ID_PATTERN = /^(?:[A-Za-z][A-Za-z0-9_-]{5,19}|1[3-9]\d{9})$/;
export const WECHAT_ID_MESSAGE = 'must be 6–20 letters, digits, _ or -, starting with a letter (or a mobile number) / 微信号为6–20位字母、数字、下划线或减号，以字母开头（也可填手机号）';
