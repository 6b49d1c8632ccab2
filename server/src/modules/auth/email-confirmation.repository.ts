import type { Queryable } from '../../platform/db.js';

export async function insertEmailConfirmation(db: Queryable, row: { tokenHash: string; userId: string; email: string; expiresAt: Date }) {
  await db.query('insert into email_confirmations (token_hash, user_id, email, expires_at) values ($1, $2, $3, $4)', [row.tokenHash, row.userId, row.email, row.expiresAt]);
}

/** Takes the confirmation (deleted whether or not it is still valid): a link works once. */
export async function deleteEmailConfirmation(db: Queryable, tokenHash: string) {
  const [row] = await db.query<{ userId: string; email: string; expiresAt: Date }>(
    'delete from email_confirmations where token_hash = $1 returning user_id as "userId", email, expires_at as "expiresAt"',
    [tokenHash],
  );
  return row ?? null;
}

export async function deleteExpiredEmailConfirmations(db: Queryable, now: Date) {
  await db.query('delete from email_confirmations where expires_at < $1', [now]);
}

/** Sets the account's email if no account holds it; false when another one does (it was taken meanwhile). */
export async function updateUserEmailIfFree(db: Queryable, userId: string, email: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `update users set email = $2 where id = $1 and not exists (select 1 from users other where other.email = $2) returning id`,
    [userId, email],
  );
  return rows.length > 0;
}
