import { describe, expect, it } from 'vitest';
import { parseReplicaList, reassignExecuteCommand } from './reassignment-cli';

describe('reassignExecuteCommand', () => {
  it('writes the plan file kafka-reassign-partitions reads and the --execute line with the throttle', () => {
    const command = reassignExecuteCommand('localhost:9092', [{ topic: 'orders', partition: 0, replicas: [1, 2] }], 1048576);
    expect(command).toBe(
      "cat > plan.json <<'EOF'\n" +
        '{"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[1,2]}]}\n' +
        'EOF\n' +
        'kafka-reassign-partitions.sh --bootstrap-server localhost:9092 --execute --reassignment-json-file plan.json --throttle 1048576',
    );
    expect(reassignExecuteCommand('b:1', [])).not.toContain('--throttle');
  });
});

describe('parseReplicaList', () => {
  it('reads ids separated by commas or spaces, the preferred leader first', () => {
    expect(parseReplicaList(' 2, 0 1 ')).toEqual({ replicas: [2, 0, 1] });
  });
  it('refuses an empty list, a duplicate and anything but ids', () => {
    expect(parseReplicaList(' ')).toEqual({ problem: 'Enter at least one broker id' });
    expect(parseReplicaList('1,1')).toEqual({ problem: 'Broker 1 is listed twice' });
    expect(parseReplicaList('1,-2')).toEqual({ problem: '"-2" is not a broker id' });
  });
});
