import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeProducersRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.DescribeConfigsRequest;
import org.apache.kafka.common.requests.DescribeProducersRequest;
import org.apache.kafka.common.requests.FetchMetadata;
import org.apache.kafka.common.requests.FetchRequest;
import org.apache.kafka.common.requests.MetadataRequest;
import org.apache.kafka.common.requests.OffsetFetchRequest;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Kafka's own Java client serializing the read requests the dashboard hand-encodes (Metadata v5,
 * DescribeConfigs v1, DescribeProducers v0, OffsetFetch v8) and the Fetch v11 whose answer it
 * decodes, with the request classes its admin client and consumer use. Prints "NAME vN HEX" per
 * request, HEX being the whole request after the size prefix (header: api key, version,
 * correlation id 7, client id "capture"). tests/support/capture-response.mjs sends them to a broker.
 *
 * java -cp 'kafka libs/*' SerializeReads.java TOPIC GROUP
 */
public class SerializeReads {
  static void print(String name, AbstractRequest request) {
    RequestHeader header = new RequestHeader(request.apiKey(), request.version(), "capture", 7);
    ByteBuffer buffer = request.serializeWithHeader(header);
    StringBuilder hex = new StringBuilder();
    while (buffer.hasRemaining()) hex.append(String.format("%02x", buffer.get()));
    System.out.println(name + " v" + request.version() + " " + hex);
  }

  static MetadataRequest metadata(List<String> topics) {
    return new MetadataRequest.Builder(new MetadataRequestData().setTopics(topics == null ? null : topics.stream()
        .map(t -> new MetadataRequestData.MetadataRequestTopic().setName(t)).toList()).setAllowAutoTopicCreation(false)).build((short) 5);
  }

  public static void main(String[] args) {
    String topic = args[0], group = args[1], missing = topic + "-missing";
    // Metadata: one topic that exists and one that does not (never auto-created), none, all.
    print("Metadata-topics", metadata(List.of(topic, missing)));
    print("Metadata-none", metadata(List.of()));
    print("Metadata-all", metadata(null));

    // kafka-configs --describe: two names of the topic, every config of a missing topic, one of broker 0.
    DescribeConfigsRequestData configs = new DescribeConfigsRequestData().setIncludeSynonyms(false).setResources(List.of(
        new DescribeConfigsRequestData.DescribeConfigsResource().setResourceType((byte) 2).setResourceName(topic)
            .setConfigurationKeys(List.of("retention.ms", "cleanup.policy")),
        new DescribeConfigsRequestData.DescribeConfigsResource().setResourceType((byte) 2).setResourceName(missing)
            .setConfigurationKeys(null),
        new DescribeConfigsRequestData.DescribeConfigsResource().setResourceType((byte) 4).setResourceName("0")
            .setConfigurationKeys(List.of("num.io.threads"))));
    print("DescribeConfigs", new DescribeConfigsRequest.Builder(configs).build((short) 1));

    // kafka-transactions describe-producers --topic TOPIC --partition 0 (and 1).
    DescribeProducersRequestData producers = new DescribeProducersRequestData();
    producers.topics().add(new DescribeProducersRequestData.TopicRequest().setName(topic).setPartitionIndexes(List.of(0, 1)));
    print("DescribeProducers", new DescribeProducersRequest.Builder(producers).build((short) 0));

    // kafka-consumer-groups --describe of two groups at once (KIP-709), every committed offset (null topics).
    OffsetFetchRequestData offsets = new OffsetFetchRequestData().setRequireStable(false).setGroups(Arrays.asList(
        new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId(group).setTopics(null),
        new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId(group + "-none").setTopics(null)));
    print("OffsetFetch", OffsetFetchRequest.Builder.forTopicNames(offsets, false).build((short) 8));

    // A consumer's Fetch of partitions 0 and 1 from offset 0, read_committed, without a fetch session.
    Map<TopicPartition, FetchRequest.PartitionData> fetch = new LinkedHashMap<>();
    for (int p = 0; p <= 1; p++) {
      fetch.put(new TopicPartition(topic, p), new FetchRequest.PartitionData(Uuid.ZERO_UUID, 0, -1, 1 << 20, Optional.empty()));
    }
    print("Fetch", FetchRequest.Builder.forConsumer((short) 11, 0, 1, fetch).isolationLevel(IsolationLevel.READ_COMMITTED)
        .metadata(FetchMetadata.LEGACY).setMaxBytes(1 << 20).build((short) 11));
  }
}
