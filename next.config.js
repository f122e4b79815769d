/** @type {import('next').NextConfig} */
const nextConfig = {
  // kafkajs is a Node library with dynamic requires; load it from node_modules at run time.
  serverExternalPackages: ['kafkajs'],
  poweredByHeader: false,
};

module.exports = nextConfig;
