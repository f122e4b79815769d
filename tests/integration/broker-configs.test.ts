import { afterAll, describe, expect, it } from 'vitest';
import * as route from '@/app/api/clusters/[cluster]/brokers/[broker]/configs/route';
import type { ConfigEntry } from '@/lib/types/topics';
import { call } from '../support/api';
import { kafkaCli } from '../support/kafka-cli';
import { asViewer, whileReadOnly } from '../support/refusals';

// A dynamic config whose change is harmless to everyone sharing the cluster: how long the log
// cleaner sleeps when it has nothing to clean (Kafka's default 15000 ms).
const NAME = 'log.cleaner.backoff.ms';
const patch = (broker: string, body: unknown) => call(route.PATCH, { cluster: 'local', broker }, { method: 'PATCH', body });
const dryRun = (broker: string, body: unknown) =>
  call(route.PATCH, { cluster: 'local', broker }, { method: 'PATCH', body, url: 'http://localhost/api?dryRun=true' });

/** `kafka-configs --describe --entity-type brokers …`: the dynamic configs Kafka's tool lists, name → value. */
function describedWithCli(...entity: string[]): Map<string, string> {
  const out = kafkaCli('configs', '--describe', '--entity-type', 'brokers', ...entity);
  return new Map([...out.matchAll(/^\s+([a-z0-9._-]+)=(\S*) sensitive=/gm)].map((m) => [m[1]!, m[2]!]));
}

afterAll(() => {
  // Restore: no override left behind, whatever a failed assertion skipped.
  for (const entity of [['--entity-name', '1'], ['--entity-default']]) {
    if (describedWithCli(...entity).has(NAME)) kafkaCli('configs', '--alter', '--entity-type', 'brokers', ...entity, '--delete-config', NAME);
  }
});

describe('PATCH …/brokers/{id|default}/configs', () => {
  it('refuses bad input with 400/404 and changes nothing', async () => {
    expect((await patch('1', {})).status).toBe(400);
    expect((await patch('1', { configs: {} })).status).toBe(400);
    expect((await patch('1', { configs: { [NAME]: 14000 } })).status).toBe(400);
    expect((await patch('x', { configs: { [NAME]: '14000' } })).status).toBe(400);
    expect((await patch('99', { configs: { [NAME]: '14000' } })).status).toBe(404);
    const readOnly = await patch('1', { configs: { 'node.id': '7' } });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.error.message).toMatch(/node\.id/);
    expect(describedWithCli('--entity-name', '1').has(NAME)).toBe(false);
    expect(describedWithCli('--entity-name', '1').has('node.id')).toBe(false);
  });

  it('?dryRun=true has the broker validate the change and answers what would change, changing nothing', async () => {
    const onBroker = await dryRun('1', { configs: { [NAME]: '14000' } });
    expect(onBroker.status, JSON.stringify(onBroker.body)).toBe(200);
    expect(onBroker.body).toEqual({ dryRun: true, changes: [{ name: NAME, from: '15000', source: 'DEFAULT_CONFIG', to: '14000' }] });
    const byDefault = await dryRun('default', { configs: { [NAME]: '14001' } });
    expect(byDefault.status, JSON.stringify(byDefault.body)).toBe(200);
    expect(byDefault.body).toEqual({ dryRun: true, changes: [{ name: NAME, from: null, source: null, to: '14001' }] });
    expect(describedWithCli('--entity-name', '1').has(NAME)).toBe(false);
    expect(describedWithCli('--entity-default').has(NAME)).toBe(false);

    // The broker's verdicts on a bad value and on a read-only config, as a real change gets them.
    const badValue = await dryRun('1', { configs: { [NAME]: 'soon' } });
    expect(badValue.status, JSON.stringify(badValue.body)).toBe(400);
    expect(badValue.body.error.message).toMatch(/soon/);
    const readOnly = await dryRun('default', { configs: { 'node.id': '7' } });
    expect(readOnly.status, JSON.stringify(readOnly.body)).toBe(400);
    expect(readOnly.body.error.message).toMatch(/node\.id/);
    expect(describedWithCli('--entity-name', '1').has(NAME)).toBe(false);
    expect(describedWithCli('--entity-default').has(NAME)).toBe(false);
  });

  it('is refused to READ_ONLY and to a viewer', async () => {
    const refused = await whileReadOnly(route.PATCH, { cluster: 'local', broker: '1' }, { method: 'PATCH', body: { configs: { [NAME]: '14000' } } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('READ_ONLY');
    // Like the ACL delete's preview, a dry run is a change request: refused too.
    const refusedDryRun = await whileReadOnly(
      route.PATCH,
      { cluster: 'local', broker: '1' },
      { method: 'PATCH', body: { configs: { [NAME]: '14000' } }, url: 'http://localhost/api?dryRun=true' },
    );
    expect(refusedDryRun.status).toBe(403);
    expect(await asViewer('PATCH', '/api/clusters/local/brokers/default/configs')).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(describedWithCli('--entity-name', '1').has(NAME)).toBe(false);
  });

  it('sets the cluster default and a broker override with their sources, as kafka-configs --describe shows, then resets both', async () => {
    const byDefault = await patch('default', { configs: { [NAME]: '14999' } });
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.dryRun).toBe(false);
    expect(byDefault.body.configs).toContainEqual(expect.objectContaining({ name: NAME, value: '14999', source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' }));
    expect(describedWithCli('--entity-default').get(NAME)).toBe('14999');

    const overridden = await patch('1', { configs: { [NAME]: '14998' } });
    expect(overridden.status).toBe(200);
    const entry = (overridden.body.configs as ConfigEntry[]).find((c) => c.name === NAME);
    expect(entry).toMatchObject({ value: '14998', source: 'DYNAMIC_BROKER_CONFIG', isDefault: false });
    expect(describedWithCli('--entity-name', '1').get(NAME)).toBe('14998');

    const reset = await patch('1', { configs: { [NAME]: null } });
    expect((reset.body.configs as ConfigEntry[]).find((c) => c.name === NAME)).toMatchObject({ value: '14999', source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' });
    expect(describedWithCli('--entity-name', '1').has(NAME)).toBe(false);

    const resetDefault = await patch('default', { configs: { [NAME]: null } });
    expect(resetDefault.status).toBe(200);
    expect((resetDefault.body.configs as ConfigEntry[]).some((c) => c.name === NAME)).toBe(false);
    expect(describedWithCli('--entity-default').has(NAME)).toBe(false);
  });
});
