/** What the Kafka Connect routes answer: shared by the route handlers and the browser hooks. */

export type ConnectorType = 'source' | 'sink' | 'unknown';
/** Connect's own states (RESTARTING while a restart request is processed). */
export type ConnectorState = 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'UNASSIGNED' | 'RESTARTING' | string;

export interface ConnectPlugin {
  class: string;
  type: string;
  version: string;
}

export interface ConnectClusterInfo {
  name: string;
  url: string;
  version: string;
  plugins: ConnectPlugin[];
  /** The dashboard signs in to the worker with basic auth (its credentials stay on the server). */
  basicAuth?: true;
  /** Why the worker could not be asked (down, or refused the dashboard's credentials). */
  error?: string;
}

export interface ConnectClusterList {
  connectClusters: ConnectClusterInfo[];
}

export interface ConnectTaskStatus {
  id: number;
  state: ConnectorState;
  workerId: string;
  /** A failed task's (or connector's) Java stack trace, as Connect reports it. */
  trace?: string;
}

export interface ConnectorSummary {
  name: string;
  type: ConnectorType;
  class: string;
  state: ConnectorState;
  workerId: string;
  trace?: string;
  tasks: ConnectTaskStatus[];
  /** The topics Connect saw the connector use (KIP-558 topic tracking). */
  topics: string[];
}

export interface ConnectorList {
  connectors: ConnectorSummary[];
}

export interface ConnectorDetails extends ConnectorSummary {
  /** The config as Connect keeps it, secrets (PASSWORD-typed and Kafka client passwords) shown as `[hidden]`; config-provider references kept. */
  config: Record<string, string>;
}

export interface ConnectorOffset {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

export interface ConnectorOffsets {
  offsets: ConnectorOffset[];
}

export interface ConnectMessage {
  message: string;
}

/** One field of Connect's validate answer, flattened: its definition and what Connect said of the value. */
export interface ConnectConfigField {
  name: string;
  type: string;
  required: boolean;
  defaultValue: string | null;
  importance: string;
  documentation: string;
  group: string | null;
  /** Position inside its group (-1 for a plugin's own fields, which Connect leaves without a group). */
  order: number;
  displayName: string;
  /** Fields whose definition depends on this one's value (Connect re-validates them together). */
  dependents: string[];
  value: string | null;
  /** Values Connect suggests (converter classes, plugin versions…); the field still takes any value. */
  recommendedValues: string[];
  /** False when Connect hides the field for the current values. */
  visible: boolean;
  errors: string[];
}

export interface ConnectValidation {
  className: string;
  errorCount: number;
  groups: string[];
  fields: ConnectConfigField[];
}

/** A connector named from elsewhere in the dashboard (a topic's page, a consumer group's). */
export interface ConnectorRef {
  connect: string;
  name: string;
  type: ConnectorType;
  state: ConnectorState;
}

/** A Connect cluster that could not be asked; the others still answer. */
export interface ConnectUnavailable {
  connect: string;
  error: string;
}

export interface TopicConnectorList {
  /** Sinks read the topic, sources write it. */
  connectors: (ConnectorRef & { role: 'reads' | 'writes' })[];
  unavailable: ConnectUnavailable[];
}

/** A sink connector's consumer group (`connect-<name>` unless `consumer.override.group.id` says otherwise). */
export interface SinkGroup extends ConnectorRef {
  groupId: string;
}

export interface SinkGroupList {
  groups: SinkGroup[];
  unavailable: ConnectUnavailable[];
}
