/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node libraries loaded from node_modules at run time: kafkajs has dynamic requires, the codecs
  // and CRC-32C native binaries (snappy, LZ4, @node-rs/crc32) or a .wasm file next to their code (zstd).
  serverExternalPackages: ['kafkajs', 'snappy', 'lz4-napi', '@bokuweb/zstd-wasm', '@node-rs/crc32'],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
