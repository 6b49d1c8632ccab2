import type { Queryable } from '../../platform/db.js';

export type PhoneCodeRow = { id: string; codeHash: string; expiresAt: Date; attempts: number };

export async function insertPhoneCode(db: Queryable, row: { phone: string; codeHash: string; clientAddress: string; sentAt: Date; expiresAt: Date }) {
  const [inserted] = await db.query<{ id: string }>(
    'insert into phone_codes (phone, code_hash, client_address, sent_at, expires_at) values ($1, $2, $3, $4, $5) returning id::text as id',
    [row.phone, row.codeHash, row.clientAddress, row.sentAt, row.expiresAt],
  );
  return inserted.id;
}

/**
 * Serialises sends for one phone and one client address until the transaction ends (always phone first, then
 * address, so two transactions never wait on each other in a circle). Without it two concurrent requests both
 * count no recent send and both insert one.
 */
export async function lockPhoneCodeSends(tx: Queryable, phone: string, clientAddress: string) {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('phone_codes:phone:' || $1, 0))`, [phone]);
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('phone_codes:address:' || $1, 0))`, [clientAddress]);
}

export async function deletePhoneCode(db: Queryable, id: string) {
  await db.query('delete from phone_codes where id = $1::bigint', [id]);
}

/** When the phone was last sent a code, and how many codes it and the address were sent since `since`. */
export async function countPhoneCodeSends(db: Queryable, phone: string, clientAddress: string, since: Date) {
  const [row] = await db.query<{ lastSentAt: Date | null; phoneCount: number; addressCount: number }>(
    `select (select max(sent_at) from phone_codes where phone = $1) as "lastSentAt",
            (select count(*)::int from phone_codes where phone = $1 and sent_at > $3) as "phoneCount",
            (select count(*)::int from phone_codes where client_address = $2 and sent_at > $3) as "addressCount"`,
    [phone, clientAddress, since],
  );
  return { lastSentAt: row.lastSentAt ? new Date(row.lastSentAt) : null, phoneCount: Number(row.phoneCount), addressCount: Number(row.addressCount) };
}

export async function deletePhoneCodesSentBefore(db: Queryable, before: Date) {
  await db.query('delete from phone_codes where sent_at < $1', [before]);
}

/** The phone's newest code, if it is still unused and unexpired at `at` (a new send replaces older codes). */
export async function findLatestUsablePhoneCode(db: Queryable, phone: string, at: Date): Promise<PhoneCodeRow | null> {
  const [row] = await db.query<PhoneCodeRow>(
    `select id::text as id, code_hash as "codeHash", expires_at as "expiresAt", attempts
     from phone_codes
     where phone = $1 and sent_at = (select max(sent_at) from phone_codes where phone = $1)
       and consumed_at is null and expires_at > $2
     order by id desc limit 1`,
    [phone, at],
  );
  return row ?? null;
}

/** Counts one try; returns the new count, or null when the code was used up by a concurrent try. */
export async function incrementPhoneCodeAttempts(db: Queryable, id: string, maxAttempts: number): Promise<number | null> {
  const [row] = await db.query<{ attempts: number }>(
    'update phone_codes set attempts = attempts + 1 where id = $1::bigint and attempts < $2 and consumed_at is null returning attempts',
    [id, maxAttempts],
  );
  return row ? Number(row.attempts) : null;
}

export async function consumePhoneCode(db: Queryable, id: string, at: Date): Promise<boolean> {
  const rows = await db.query<{ id: string }>('update phone_codes set consumed_at = $2 where id = $1::bigint and consumed_at is null returning id::text as id', [id, at]);
  return rows.length === 1;
}
