import type { Migration } from 'kysely';
import * as enableVector from './1795673351241-EnableVector.ts';
import * as createAppMeta from './1795673352241-CreateAppMeta.ts';
import * as createIdentity from './1795675136342-CreateIdentity.ts';
import * as createAuditEvents from './1795675137342-CreateAuditEvents.ts';
import * as createChat from './1795677741709-CreateChat.ts';
import * as createDocuments from './1795700000000-CreateDocuments.ts';
import * as createGroups from './1795720000000-CreateGroups.ts';
import * as addChatMessageCitations from './1795730000000-AddChatMessageCitations.ts';
import * as addGroupSource from './1795740000000-AddGroupSource.ts';
import * as millisecondTimestamps from './1795750000000-MillisecondTimestamps.ts';

/**
 * Every migration, in order. Names are `<epochMs>-<PascalName>`; a new migration is a new file here
 * plus one line below (a static list works in any bundler and never picks up stray files).
 */
export const migrations: Record<string, Migration> = {
  '1795673351241-EnableVector': enableVector,
  '1795673352241-CreateAppMeta': createAppMeta,
  '1795675136342-CreateIdentity': createIdentity,
  '1795675137342-CreateAuditEvents': createAuditEvents,
  '1795677741709-CreateChat': createChat,
  '1795700000000-CreateDocuments': createDocuments,
  '1795720000000-CreateGroups': createGroups,
  '1795730000000-AddChatMessageCitations': addChatMessageCitations,
  '1795740000000-AddGroupSource': addGroupSource,
  '1795750000000-MillisecondTimestamps': millisecondTimestamps,
};
