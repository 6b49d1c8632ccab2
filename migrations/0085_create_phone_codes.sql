-- One-time sign-in codes sent by SMS (手机验证码登录). Only a salted hash of the code is kept; a row is one
-- send, so the per-phone limits (one send a minute, a daily cap) and the per-address daily cap are counts
-- over this table. Rows older than a day carry no rule and are deleted as new codes are sent.
create table phone_codes (
  id bigint generated always as identity primary key,
  phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  code_hash text not null,
  client_address text not null,
  sent_at timestamptz not null,
  expires_at timestamptz not null,
  attempts integer not null default 0,
  consumed_at timestamptz
);
create index phone_codes_phone_sent_at_idx on phone_codes (phone, sent_at desc);
create index phone_codes_client_address_sent_at_idx on phone_codes (client_address, sent_at);
