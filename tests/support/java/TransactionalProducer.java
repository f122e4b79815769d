import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka's own transactional producer, for the isolation tests: writes COUNT records with keys
 * PREFIX-0 … to partition 0 of TOPIC in one transaction, then commits it, aborts it, or (open)
 * leaves it open and prints "open" until the process is killed.
 *
 * java -cp 'kafka libs/*' TransactionalProducer.java BOOTSTRAP TOPIC commit|abort|open PREFIX COUNT
 */
public class TransactionalProducer {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0], topic = args[1], outcome = args[2], prefix = args[3];
    int count = Integer.parseInt(args[4]);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-tx-" + prefix);
    // An open transaction stays open for the test, not the default minute (the broker allows 15).
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "600000");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (int i = 0; i < count; i++) producer.send(new ProducerRecord<>(topic, 0, prefix + "-" + i, outcome + " " + i));
      producer.flush();
      switch (outcome) {
        case "commit": producer.commitTransaction(); break;
        case "abort": producer.abortTransaction(); break;
        default:
          System.out.println("open");
          System.out.flush();
          Thread.sleep(Long.MAX_VALUE);
      }
    }
  }
}
