import { expect, test } from '@playwright/test';
import { CreateTopicPage } from './pages/create-topic-page';
import { TopicPage } from './pages/topic-page';
import { TopicsPage } from './pages/topics-page';
import { kafkaCli, screenshot } from './support';

test('create a topic from the form, find it, inspect it, change retention, add partitions, delete it', async ({ page }) => {
  const name = `e2e-topic-${Date.now()}`;
  const form = new CreateTopicPage(page);
  const list = new TopicsPage(page);
  const topic = new TopicPage(page);

  await test.step('fill the form and see the equivalent CLI command', async () => {
    await form.goto('local');
    await form.name().fill(name);
    await form.partitions().fill('4');
    await form.retention().selectOption({ label: '1 day' });
    await expect(form.cliPreview()).toHaveText(
      `kafka-topics.sh --bootstrap-server 127.0.0.1:19092 --create --topic ${name} --partitions 4 --replication-factor 3 --config retention.ms=86400000`,
    );
    await screenshot(page, 'topic-create');
    await form.submit().click();
    await expect(page).toHaveURL(new RegExp(`/topics/${name}$`));
  });

  await test.step('find it in the list by search; the search is kept in the URL', async () => {
    await list.goto('local');
    await list.search().fill(name.slice(0, 15));
    await expect(page).toHaveURL(/\?q=e2e-topic-/);
    await expect(list.topicLink(name)).toBeVisible();
    await screenshot(page, 'topics-list');
    await list.topicLink(name).click();
  });

  await test.step('see partitions equal to kafka-topics --describe, the replica grid and configs', async () => {
    await expect(topic.partitionRows()).toHaveCount(4);
    const describe = kafkaCli('topics', '--describe', '--topic', name);
    const leader0 = describe.match(/\tPartition: 0\tLeader: (\d+)/)?.[1];
    await expect(page.getByTestId('partition-0').locator('td').nth(1)).toHaveText(leader0!);
    await topic.tab('Replica layout').click();
    await expect(topic.replicaGrid()).toBeVisible();
    await expect(topic.replicaGrid().locator('[data-replica="leader"]')).toHaveCount(4);
    await expect(topic.replicaGrid().locator('[data-replica="in-sync"]')).toHaveCount(8);
    await screenshot(page, 'topic-replica-layout');
    await topic.tab('Configuration').click();
    await expect(topic.configRow('retention.ms')).toContainText('86400000');
    await expect(topic.configRow('retention.ms')).toContainText('1 day');
    await expect(topic.configRow('retention.ms')).toContainText('topic override');
  });

  await test.step('change retention to 7 days', async () => {
    await topic.editConfig('retention.ms').click();
    const dialog = topic.dialog('Edit retention.ms');
    await dialog.getByLabel('Config value').fill('604800000');
    await expect(dialog).toContainText('7 days');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(topic.configRow('retention.ms')).toContainText('604800000');
    expect(kafkaCli('topics', '--describe', '--topic', name)).toContain('retention.ms=604800000');
    await screenshot(page, 'topic-configuration');
  });

  await test.step('add partitions, with the warning about keys', async () => {
    await page.getByRole('button', { name: 'Add partitions' }).click();
    const dialog = topic.dialog('Add partitions');
    await expect(dialog).toContainText('Keys will map to different partitions');
    await dialog.getByLabel('New partition count').fill('6');
    await dialog.getByRole('button', { name: 'Grow to 6 partitions' }).click();
    await topic.tab('Partitions').click();
    await expect(topic.partitionRows()).toHaveCount(6);
  });

  await test.step('delete it after typing its name', async () => {
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = topic.dialog('Delete topic');
    const confirm = dialog.getByRole('button', { name: 'Delete topic' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Topic name to confirm').fill(name);
    await confirm.click();
    await expect(page).toHaveURL(/\/topics$/);
    expect(kafkaCli('topics', '--list').split('\n')).not.toContain(name);
  });
});

test('the create form refuses a bad name before sending anything', async ({ page }) => {
  const form = new CreateTopicPage(page);
  await form.goto('local');
  await form.name().fill('bad name');
  await expect(page.getByText('may only contain ASCII letters')).toBeVisible();
  await form.submit().click();
  await expect(page).toHaveURL(/\/topics\/new$/);
});

test('the brokers page shows each broker’s load, and a broker page its configs', async ({ page }) => {
  await page.goto('/clusters/local/brokers');
  await expect(page.getByTestId('broker-0')).toContainText('online');
  await screenshot(page, 'brokers-load');
  await page.getByTestId('broker-2').getByRole('link', { name: '2' }).click();
  await expect(page.getByRole('heading', { name: 'Broker 2' })).toBeVisible();
  await expect(page.getByTestId('config-broker.rack')).toContainText('rack-c');
  await screenshot(page, 'broker');
});
