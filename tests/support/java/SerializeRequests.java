import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.DeleteRecordsRequest;
import org.apache.kafka.common.requests.ElectLeadersRequest;
import org.apache.kafka.common.requests.ListOffsetsRequest;
import org.apache.kafka.common.requests.OffsetDeleteRequest;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Kafka's own Java client serializing the requests the dashboard hand-encodes, as its admin client
 * does (the same request classes): prints one line per request, "API vN HEX", HEX being the whole
 * request after the size prefix (v1 header: api key, version, correlation id 7, client id "capture").
 * The codec unit tests compare our encoders with these bytes; tests/support/capture-response.mjs
 * sends them to a broker to capture its answers.
 *
 * java -cp 'kafka libs/*' SerializeRequests.java TOPIC GROUP
 */
public class SerializeRequests {
  static void print(String name, AbstractRequest request) {
    RequestHeader header = new RequestHeader(request.apiKey(), request.version(), "capture", 7);
    ByteBuffer buffer = request.serializeWithHeader(header);
    StringBuilder hex = new StringBuilder();
    while (buffer.hasRemaining()) hex.append(String.format("%02x", buffer.get()));
    System.out.println(name + " v" + request.version() + " " + hex);
  }

  public static void main(String[] args) {
    String topic = args[0], group = args[1];
    // kafka-delete-records --offset-json-file: partition 0 before offset 3, partition 1 up to the high watermark (-1).
    DeleteRecordsRequestData deleteRecords = new DeleteRecordsRequestData().setTimeoutMs(30000);
    deleteRecords.topics().add(new DeleteRecordsRequestData.DeleteRecordsTopic().setName(topic).setPartitions(List.of(
        new DeleteRecordsRequestData.DeleteRecordsPartition().setPartitionIndex(0).setOffset(3),
        new DeleteRecordsRequestData.DeleteRecordsPartition().setPartitionIndex(1).setOffset(-1))));
    for (short v = 0; v <= 2; v++) print("DeleteRecords", new DeleteRecordsRequest.Builder(deleteRecords).build(v));

    // kafka-consumer-groups --delete-offsets --group GROUP --topic TOPIC:0,1
    OffsetDeleteRequestData offsetDelete = new OffsetDeleteRequestData().setGroupId(group);
    OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection topics = new OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection();
    topics.add(new OffsetDeleteRequestData.OffsetDeleteRequestTopic().setName(topic).setPartitions(List.of(
        new OffsetDeleteRequestData.OffsetDeleteRequestPartition().setPartitionIndex(0),
        new OffsetDeleteRequestData.OffsetDeleteRequestPartition().setPartitionIndex(1))));
    offsetDelete.setTopics(topics);
    print("OffsetDelete", new OffsetDeleteRequest.Builder(offsetDelete).build((short) 0));

    // kafka-leader-election --election-type preferred --topic TOPIC --partition 0 (and 1), and for all partitions (null).
    List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
    for (short v = 1; v <= 2; v++) {
      print("ElectLeaders-preferred", new ElectLeadersRequest.Builder(ElectionType.PREFERRED, partitions, 60000).build(v));
      print("ElectLeaders-unclean-all", new ElectLeadersRequest.Builder(ElectionType.UNCLEAN, null, 60000).build(v));
    }

    // kafka-get-offsets: partition 0 earliest (-2), partition 1 latest (-1), as a consumer (replica -1).
    List<ListOffsetsRequestData.ListOffsetsTopic> targets = List.of(new ListOffsetsRequestData.ListOffsetsTopic().setName(topic).setPartitions(List.of(
        new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(0).setTimestamp(-2L),
        new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(1).setTimestamp(-1L))));
    for (short v = 1; v <= ApiKeys.LIST_OFFSETS.latestVersion(); v++) {
      print("ListOffsets", ListOffsetsRequest.Builder.forConsumer(false, IsolationLevel.READ_UNCOMMITTED).setTargetTimes(targets).setTimeoutMs(30000).build(v));
    }
    print("ListOffsets-read-committed", ListOffsetsRequest.Builder.forConsumer(false, IsolationLevel.READ_COMMITTED).setTargetTimes(targets).setTimeoutMs(30000).build((short) 6));
  }
}
