/** Kafka's wire protocol for the requests kafkajs lacks or hides: see kafkajs-adapter.ts and api.ts. */
export * from './kafkajs-adapter';
export { type KafkaApi, UnsupportedApiError } from './api';
