import type { Context } from '../../app.js';

/** Placeholder until the generator lands: creates nothing. */
export async function seedDemoDataIfEmpty(_context: Context): Promise<boolean> {
  return false;
}
