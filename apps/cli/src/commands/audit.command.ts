import type { AuditEventRecord } from '@youworker/db';
import { Command, InvalidArgumentError } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { withServices } from './cli-services.ts';

function parseCount(value: string): number {
  const count = Number.parseInt(value, 10);
  if (!Number.isInteger(count) || count < 1 || count > 10_000 || String(count) !== value) {
    throw new InvalidArgumentError('must be an integer from 1 to 10000');
  }
  return count;
}

function format(event: AuditEventRecord): string {
  const target = event.targetType ? ` ${event.targetType}:${event.targetId ?? ''}` : '';
  const details = Object.keys(event.details).length ? ` ${JSON.stringify(event.details)}` : '';
  return `${event.occurredAt.toISOString()}  ${event.outcome.padEnd(7)}  ${event.action}  by ${event.actorLabel}${target}  ip=${event.ip ?? '-'}${details}`;
}

/** `youworker audit tail [-n N] [--follow]`. */
export function auditCommand(context: CliContext): Command {
  const audit = new Command('audit').description('read the audit log');
  audit
    .command('tail')
    .description('print the latest audit events, oldest first')
    .option('-n, --lines <n>', 'how many events', parseCount, 20)
    .option('-f, --follow', 'keep printing new events (Ctrl-C to stop)', false)
    .action(async (options: { lines: number; follow: boolean }) => {
      await withServices(context, async (services) => {
        const latest = await services.audit.list({ limit: options.lines });
        let lastId: string | undefined;
        for (const event of latest.reverse()) {
          context.stdout.write(`${format(event)}\n`);
          lastId = event.id;
        }
        while (options.follow) {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          for (const event of await services.audit.listAfter(lastId, 500)) {
            context.stdout.write(`${format(event)}\n`);
            lastId = event.id;
          }
        }
      });
    });
  return audit;
}
