import { Command } from 'commander';
import { CliError, type CliContext } from '../cli-context.ts';
import { cliActor, withServices } from './cli-services.ts';
import { addKeysGenerateCommand, addKeysRotateCommand } from './keys-rotate.command.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `youworker keys create|list|revoke` (API keys) and `keys generate|rotate` (encryption keys). */
export function keysCommand(context: CliContext): Command {
  const keys = new Command('keys').description('manage API keys and encryption keys');
  const out = (text: string) => context.stdout.write(`${text}\n`);

  keys
    .command('create <username>')
    .description('create an API key for a user (shown once)')
    .option('--name <name>', 'a name to recognise the key', 'created by youworker keys create')
    .option('--expires-in-days <days>', 'expiry in days (default: never)')
    .action(async (username: string, options: { name: string; expiresInDays?: string }) => {
      const days = options.expiresInDays === undefined ? undefined : Number(options.expiresInDays);
      if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) {
        throw new CliError('--expires-in-days must be an integer from 1 to 3650');
      }
      await withServices(context, async (services) => {
        const user = await services.users.getByUsername(username);
        const created = await services.apiKeys.create(cliActor, user.id, {
          name: options.name,
          expiresAt: days === undefined ? null : new Date(Date.now() + days * DAY_MS),
        });
        out(`key ${created.key.id} for ${user.username}`);
        out(`API key (shown once, store it now): ${created.secret}`);
      });
    });

  keys
    .command('list <username>')
    .description("list a user's API keys")
    .action(async (username: string) => {
      await withServices(context, async (services) => {
        const user = await services.users.getByUsername(username);
        for (const key of await services.apiKeys.list(user.id)) {
          const state = key.revokedAt
            ? 'revoked'
            : key.expiresAt && key.expiresAt <= new Date()
              ? 'expired'
              : 'active';
          out(`${key.id}  ${state.padEnd(7)}  ${key.prefix}…  ${key.name}`);
        }
      });
    });

  keys
    .command('revoke <username> <keyId>')
    .description('revoke an API key (its sessions end too)')
    .action(async (username: string, keyId: string) => {
      await withServices(context, async (services) => {
        const user = await services.users.getByUsername(username);
        await services.apiKeys.revoke(cliActor, user.id, keyId);
        out(`revoked ${keyId}`);
      });
    });

  addKeysGenerateCommand(keys, context);
  addKeysRotateCommand(keys, context);
  return keys;
}
