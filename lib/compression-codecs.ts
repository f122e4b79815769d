/** Kafka's record-batch compression codecs, in attribute-bit order (0 none … 4 zstd); browser-safe. */
export const COMPRESSION_CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type CompressionCodec = (typeof COMPRESSION_CODECS)[number];
