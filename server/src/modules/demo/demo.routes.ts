import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import type { App } from '../../platform/http.js';
import { listDemoAccounts } from './demo.service.js';

const demoAccountSchema = z.object({
  key: z.string(),
  role: z.enum(['admin', 'bureau', 'host', 'employer', 'seeker']),
  login: z.string(),
  password: z.string(),
  displayName: z.string(),
  description: z.object({ zh: z.string(), en: z.string() }),
});

export function registerDemoRoutes(app: App, db: Db) {
  app.get('/api/demo/accounts', {
    config: { access: 'public' },
    schema: {
      tags: ['demo'],
      summary: 'The demo accounts and their published password, when this database holds the synthetic demo data (else an empty list)',
      response: { 200: z.object({ isSeeded: z.boolean(), accounts: z.array(demoAccountSchema) }) },
    },
  }, async () => {
    const { isSeeded, accounts } = await listDemoAccounts(db);
    return { isSeeded, accounts: [...accounts] };
  });
}
