import { describe, expect, it } from 'vitest';
import { kafkaVersionFromMetadataLevel } from './kafka-version';

describe('Kafka version from metadata.version', () => {
  it('names the release line and the metadata version, as kafka-features describe prints them', () => {
    expect(kafkaVersionFromMetadataLevel(30)).toEqual({ release: '4.3', metadataVersion: '4.3-IV0' });
    expect(kafkaVersionFromMetadataLevel(21)).toEqual({ release: '3.9', metadataVersion: '3.9-IV0' });
    expect(kafkaVersionFromMetadataLevel(7)).toEqual({ release: '3.3', metadataVersion: '3.3-IV3' });
  });

  it('says nothing rather than guess for an unknown or missing level', () => {
    expect(kafkaVersionFromMetadataLevel(99)).toBeNull();
    expect(kafkaVersionFromMetadataLevel(undefined)).toBeNull();
  });
});
