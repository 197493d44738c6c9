/**
 * The web UI's entry point. The UI itself arrives with its own issue; this shell only fixes the rule
 * that the web app talks to the server through the shared contracts package.
 */
import type { SystemInfoResponse } from '@youworker/contracts';

/** Renders one line about the installation the UI is talking to. */
export function describeInstallation(info: SystemInfoResponse): string {
  return `${info.name} ${info.version} (${info.mode})`;
}
