import { randomBytes } from 'node:crypto';
import { Option } from 'commander';
import { ROLES, type Role } from '../../server/src/platform/http.js';
import { MIGRATIONS_DIR, migrate } from '../../server/src/platform/migrate.js';
import type { CommandRegistrar } from '../program.js';

export const registerAdminCommands: CommandRegistrar = (program, io, withContext) => {
  program
    .command('migrate')
    .description('Apply pending database migrations (forward-only SQL in migrations/)')
    .action(async () => {
      // Opening the context migrates (those are reported too); a second pass finds anything left.
      await withContext(async (context) => {
        const applied = [...context.migrationsApplied, ...(await migrate(context.db, MIGRATIONS_DIR))];
        const rows = await context.db.query<{ name: string }>('select name from schema_migrations order by name');
        if (applied.length > 0) io.out(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}: ${applied.join(', ')}.\n`);
        io.out(`Database is up to date (${rows.length} migrations, latest ${rows.at(-1)?.name}).\n`);
      });
    });

  const user = program.command('user').description('Manage accounts');
  user
    .command('create')
    .description('Create an account of any role (bureau and admin accounts are only made this way)')
    .addOption(new Option('--role <role>', 'seeker | employer | host | bureau | admin').choices(ROLES as string[]).makeOptionMandatory())
    .requiredOption('--email <email>', 'sign-in email')
    .option('--password <password>', 'password (at least 8 characters); generated and printed when omitted')
    .option('--name <name>', 'display name')
    .option('--phone <phone>', '11-digit mobile number')
    .option('--province <province>', 'for bureau accounts: the province they see by default (code or name)')
    .option('--company <company>', "for employer accounts: join this company (its id or 统一社会信用代码) as another member, e.g. a colleague in HR")
    .action(async (options: { role: Role; email: string; password?: string; name?: string; phone?: string; province?: string; company?: string }) => {
      const password = options.password ?? randomBytes(9).toString('base64url');
      if (password.length < 8) throw new Error('--password must be at least 8 characters');
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(options.email)) throw new Error(`--email "${options.email}" is not an email address`);
      if (options.company && options.role !== 'employer') throw new Error('--company is for employer accounts (--role employer)');
      await withContext(async (context) => {
        const province = options.province ? context.geo.findProvince(options.province) : null;
        if (options.province && !province) throw new Error(`--province "${options.province}" is not a province code or name`);
        const company = options.company ? await context.companies.findCompanyByIdOrCreditCode(options.company) : null;
        if (options.company && !company) throw new Error(`--company "${options.company}" is not a company id or a registered credit code`);
        const created = await context.db.transaction(async (tx) => {
          const account = await context.auth.createUser({
            role: options.role,
            email: options.email,
            phone: options.phone ?? null,
            password,
            displayName: options.name ?? options.email.split('@')[0],
            provinceCode: province?.code ?? null,
          }, tx);
          if (company) await context.auth.attachUserToCompany(account.id, company.id, tx);
          return account;
        });
        const member = company ? `, member of ${company.name} (${company.status})` : '';
        io.out(`Created ${created.role} ${created.email} (id ${created.id})${member}${options.password ? '' : `\nPassword: ${password}`}\n`);
      });
    });
};
