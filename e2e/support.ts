import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const ARTIFACTS = path.resolve('e2e-artifacts');

/** Saves a full-page screenshot under e2e-artifacts/ (git-ignored) for a human to look at. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Kafka's own CLI against the local cluster: the reference for what pages show. */
export function kafkaCli(tool: string, ...args: string[]): string {
  // One warm JVM runs the tools (cluster/ToolServer.java), not a JVM per call.
  const env = { ...process.env, KAFKA_TOOL_SERVER: '1' };
  return execFileSync(process.execPath, ['cluster/cluster.mjs', 'tool', tool, ...args], { encoding: 'utf8', maxBuffer: 256 << 20, env });
}
