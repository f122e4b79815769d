import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { MessagesPage } from './pages/messages-page';
import { screenshot } from './support';
import { createTopicsWithLeaders, idempotentProducer } from '../tests/support/topics';

// Avro through the local schema registry (the `local` cluster of playwright.config.ts has it): records
// written by a real serializer show decoded with their schema id, and a record typed as JSON in the
// produce form is encoded with the topic's subject and read back decoded.
const REGISTRY_URL = 'http://127.0.0.1:18081/apis/ccompat/v7';
const kafka = new Kafka({ clientId: 'e2e-avro', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
const registry = new SchemaRegistry({ host: REGISTRY_URL });
const schema = {
  type: 'record',
  name: 'Visit',
  namespace: 'e2e.avro',
  fields: [
    { name: 'host', type: 'string' },
    { name: 'status', type: 'int' },
    { name: 'bytes', type: 'long' },
    { name: 'agent', type: ['null', 'string'], default: null },
  ],
};

test.describe('Avro topics', () => {
  const topic = `e2e-avro-${Date.now()}`;
  const subject = `${topic}-value`;
  const admin = kafka.admin();
  let schemaId = 0;

  test.beforeAll(async () => {
    await admin.connect();
    await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, replicationFactor: 1 }]);
    schemaId = (await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject })).id;
  });

  test.afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
    for (const permanent of ['', '?permanent=true']) await fetch(`${REGISTRY_URL}/subjects/${encodeURIComponent(subject)}${permanent}`, { method: 'DELETE' });
  });

  test('records written by the Confluent serializer show as decoded JSON with their schema id', async ({ page }) => {
    const records = [
      { host: 'a.example', status: 200, bytes: 5120, agent: 'curl/8' },
      { host: 'b.example', status: 404, bytes: 0, agent: null },
    ];
    const producer = idempotentProducer(kafka);
    await producer.connect();
    await producer.send({ topic, messages: await Promise.all(records.map(async (r) => ({ key: r.host, value: await registry.encode(schemaId, r) }))) });
    await producer.disconnect();

    const messages = new MessagesPage(page);
    await messages.goto('local', topic, '?from=earliest');
    await expect(messages.rows()).toHaveCount(2);
    await expect(messages.rows().getByTestId('message-value')).toHaveText(records.map((r) => JSON.stringify(r)));
    await expect(messages.rows().first().locator('[data-badge="schema"]')).toHaveText(`avro #${schemaId}`);
    await expect(messages.rows().first().locator('[data-badge="schema"]')).toHaveAttribute(
      'title',
      `Decoded: avro, schema id ${schemaId}, subject ${subject} v1`,
    );
    await screenshot(page, 'avro-decoded');
  });

  test('a record typed as JSON in the produce form is encoded with the topic subject and tailed decoded; a wrong field is shown against the value', async ({
    page,
  }) => {
    const messages = new MessagesPage(page);
    await messages.goto('local', topic);
    await expect(messages.counters()).toContainText('Live');
    await page.getByRole('button', { name: 'Produce a message' }).click();
    const form = messages.produceForm();
    // The topic has a `<topic>-value` subject: the form offers it, on its latest version.
    await expect(form.getByLabel('Format')).toHaveValue('schema');
    await expect(form.getByLabel('Subject')).toHaveValue(subject);

    await form.getByLabel('Value', { exact: true }).fill('{"host": "c.example", "status": "ok", "bytes": 1}');
    await form.getByRole('button', { name: 'Produce' }).click();
    await expect(form.getByRole('alert')).toHaveText('Failed to produce: value.status: expected int, got "ok" (SCHEMA_VALIDATION)');
    await expect(form.getByLabel('Value', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    const record = { host: 'c.example', status: 201, bytes: 9007199254740993n.toString(), agent: 'form' };
    await form.getByLabel('Value', { exact: true }).fill(JSON.stringify(record));
    await form.getByRole('button', { name: 'Produce' }).click();
    await expect(form.getByRole('status')).toContainText('Written to partition 0');
    await expect(messages.rows()).toHaveCount(1);
    await expect(messages.rows().first().getByTestId('message-value')).toHaveText(JSON.stringify(record));
    await expect(messages.rows().first().locator('[data-badge="schema"]')).toHaveText(`avro #${schemaId}`);
    await screenshot(page, 'avro-produced');
  });
});
