import type { Queryable } from '../../platform/db.js';

export type LockoutRule = {
  /** Failures that lock the account (the attempt that reaches it still counts as a try). */
  max: number;
  /** The first lock; each further failure doubles it. */
  baseLockMs: number;
  /** The longest lock. */
  maxLockMs: number;
  /** A failure this long after the previous one starts the count afresh. */
  forgetAfterMs: number;
};

/**
 * Counts one sign-in attempt for `key` before its password or code is checked, in one statement so that
 * concurrent attempts on any node serialise on the row. Returns the count including this attempt, or null
 * when the key is locked at `at` (nothing is changed then).
 */
export async function claimSignInAttempt(
  db: Queryable,
  input: { key: string; userId: string | null; at: Date; rule: LockoutRule },
): Promise<{ failures: number } | null> {
  const { key, userId, at, rule } = input;
  const failures = `(case when l.last_failed_at < $3::timestamptz - $6::float8 * interval '1 millisecond' then 1 else l.failures + 1 end)`;
  const lockedUntil = (count: string) =>
    `(case when ${count} >= $4::int then $3::timestamptz + least($5::float8 * power(2, ${count} - $4::int), $7::float8) * interval '1 millisecond' end)`;
  const rows = await db.query<{ failures: number }>(
    `insert into sign_in_lockouts as l (key, user_id, failures, last_failed_at, locked_until)
     values ($1, $2, 1, $3, ${lockedUntil('1')})
     on conflict (key) do update set
       failures = ${failures},
       user_id = excluded.user_id,
       last_failed_at = excluded.last_failed_at,
       locked_until = ${lockedUntil(failures)}
     where l.locked_until is null or l.locked_until <= $3::timestamptz
     returning failures`,
    [key, userId, at, rule.max, rule.baseLockMs, rule.forgetAfterMs, rule.maxLockMs],
  );
  return rows[0] ? { failures: Number(rows[0].failures) } : null;
}

export async function findSignInLockedUntil(db: Queryable, key: string): Promise<Date | null> {
  const [row] = await db.query<{ locked_until: Date | null }>('select locked_until from sign_in_lockouts where key = $1', [key]);
  return row?.locked_until ? new Date(row.locked_until) : null;
}

export async function deleteSignInLockout(db: Queryable, key: string) {
  await db.query('delete from sign_in_lockouts where key = $1', [key]);
}
