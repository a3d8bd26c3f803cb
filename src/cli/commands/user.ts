import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { ValidationError } from '../../domain/errors';
import { TimeZone } from '../../schemas/organisation';
import { Role } from '../../schemas/session';
import { Password, UserInput } from '../../schemas/users';
import { withDatabase } from '../database';
import { parseOption } from '../options';

type UserAddOptions = {
  org?: string;
  createOrg?: boolean;
  orgName?: string;
  timeZone?: string;
  email: string;
  name: string;
  role: string;
  manager?: string;
  password?: string;
};

async function resolveOrganisation(db: Executor, options: UserAddOptions) {
  const [{ findOrganisation }, { createOrganisation }] = await Promise.all([
    import('../../db/queries/organisations'),
    import('../../services/organisations'),
  ]);
  if (options.org && options.createOrg) {
    const slug = parseOption(
      '--org',
      z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
      options.org,
    );
    const timeZone = options.timeZone
      ? parseOption('--time-zone', TimeZone, options.timeZone)
      : undefined;
    return createOrganisation(db, {
      slug,
      name: options.orgName ?? slug,
      ...(timeZone ? { timeZone } : {}),
    });
  }
  return findOrganisation(db, options.org, {
    whenNone: 'there is no organisation yet: add --create-org',
  });
}

export function registerUserCommand(program: Command) {
  const user = program.command('user').description('Manage users');
  user
    .command('add')
    .description('Create a user who can sign in (prints a generated password when none is given)')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', `one of ${Role.options.join(', ')}`)
    .option('--org <slug>', 'organisation slug (default: the only organisation)')
    .option('--create-org', 'create the organisation --org if it does not exist yet')
    .option('--org-name <name>', 'display name of an organisation created with --create-org')
    .option(
      '--time-zone <zone>',
      'IANA time zone of an organisation created with --create-org, e.g. Europe/Paris (default UTC)',
    )
    .option('--manager <email>', "the user's manager, by email")
    .option('--password <password>', 'initial password (at least 10 characters)')
    .action(async (options: UserAddOptions) => {
      const role = parseOption('--role', Role, options.role);
      const password = options.password
        ? parseOption('--password', Password, options.password)
        : undefined;
      const generated = password ?? randomBytes(12).toString('base64url');
      await withDatabase('salesplan user add', async ({ db }) => {
        const [{ findUserByEmail }, { addUser }] = await Promise.all([
          import('../../db/queries/users'),
          import('../../services/users'),
        ]);
        const created = await db.transaction(async (tx) => {
          const org = await resolveOrganisation(tx, options);
          let managerId: string | null = null;
          if (options.manager) {
            const manager = await findUserByEmail(tx, org.id, options.manager);
            if (!manager) {
              throw new ValidationError({
                field: '--manager',
                reason: `no user ${options.manager} in ${org.slug}`,
              });
            }
            managerId = manager.id;
          }
          const input = parseOption('--email', UserInput, {
            email: options.email,
            name: options.name,
            role,
            managerId,
            password: generated,
          });
          return { user: await addUser(tx, org.id, input), org };
        });
        process.stdout.write(
          `Created ${created.user.role} ${created.user.email} in ${created.org.slug}.\n`,
        );
        if (!password) process.stdout.write(`Password (shown once): ${generated}\n`);
      });
    });
}
