import { Command } from 'commander';
import { CliError, type CliContext } from '../cli-context.ts';
import { cliActor, withServices } from './cli-services.ts';

/** `youworker users create|list|disable|enable|set-role`. */
export function usersCommand(context: CliContext): Command {
  const users = new Command('users').description('manage users');
  const out = (text: string) => context.stdout.write(`${text}\n`);

  users
    .command('create <username>')
    .description('create a user and print a first API key (shown once)')
    .option('--admin', 'make the user a platform admin', false)
    .option('--display-name <name>', 'display name')
    .option('--email <email>', 'email address')
    .action(async (username: string, options: { admin: boolean; displayName?: string; email?: string }) => {
      await withServices(context, async (services) => {
        const user = await services.users.create(cliActor, {
          username,
          displayName: options.displayName,
          email: options.email ?? null,
          role: options.admin ? 'admin' : 'user',
        });
        const created = await services.apiKeys.create(cliActor, user.id, {
          name: 'created by youworker users create',
        });
        out(`created ${user.role} ${user.username} (${user.id})`);
        out(`API key (shown once, store it now): ${created.secret}`);
      });
    });

  users
    .command('list')
    .description('list users')
    .option('--search <text>', 'filter by username, display name or email')
    .action(async (options: { search?: string }) => {
      await withServices(context, async (services) => {
        let after: { createdAt: Date; id: string } | undefined;
        for (;;) {
          const page = await services.users.list({ search: options.search, limit: 200, after });
          for (const user of page) {
            out(`${user.id}  ${user.role.padEnd(5)}  ${user.status.padEnd(8)}  ${user.username}`);
          }
          const last = page.at(-1);
          if (page.length < 200 || !last) {
            break;
          }
          after = { createdAt: last.createdAt, id: last.id };
        }
      });
    });

  for (const [name, status] of [
    ['disable', 'disabled'],
    ['enable', 'active'],
  ] as const) {
    users
      .command(`${name} <username>`)
      .description(name === 'disable' ? 'disable a user and end their sessions' : 'enable a disabled user')
      .action(async (username: string) => {
        await withServices(context, async (services) => {
          const user = await services.users.getByUsername(username);
          await services.users.updateByAdmin(cliActor, user.id, { status });
          out(`${user.username} is now ${status}`);
        });
      });
  }

  users
    .command('set-role <username> <role>')
    .description('set the platform role: admin or user')
    .action(async (username: string, role: string) => {
      if (role !== 'admin' && role !== 'user') {
        throw new CliError('role must be admin or user');
      }
      await withServices(context, async (services) => {
        const user = await services.users.getByUsername(username);
        await services.users.updateByAdmin(cliActor, user.id, { role });
        out(`${user.username} is now ${role}`);
      });
    });

  return users;
}
