import type { Context } from '../app.js';
import { TEST_PASSWORD } from './factories.js';

let counter = 0;

/** A bureau account (人社部门) for a province (2-digit code), as an operator creates one. */
export async function buildBureau(context: Context, provinceCode: string | null, displayName?: string) {
  counter += 1;
  return context.auth.createUser({
    role: 'bureau',
    email: `bureau${process.pid}-${counter}@example.test`,
    phone: null,
    password: TEST_PASSWORD,
    displayName: displayName ?? `人社局 ${counter}`,
    provinceCode,
  });
}
