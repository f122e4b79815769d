import java.io.ByteArrayOutputStream;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.utils.Exit;

/**
 * Kafka's own command-line tools (TopicCommand, ConsumerGroupCommand, GetOffsetShell...) run in one
 * warm JVM, for the test suites: a fresh JVM per call costs about 1.5 s and 1.7 s of CPU, and the
 * suites make hundreds of calls. The tool's main class and arguments come in over a loopback
 * socket; its exit status, standard output and standard error go back. Calls run side by side,
 * each on its own thread: System.out/err are routed per call (threads a tool starts inherit its
 * route), and Exit.exit, which the tools call where a JVM would end, ends only the call.
 *
 * A JVM's start and exit also gave the brokers a second to learn a change: a topic created, then
 * described at once, could be "unknown" to the broker asked. So each call starts, and answers,
 * once every broker has applied the metadata the quorum had committed at that point.
 *
 * Started by `cluster.mjs tool` when KAFKA_TOOL_SERVER=1, stopped with the cluster.
 * Usage: java -cp 'libs/*' ToolServer.java PORT_FILE BOOTSTRAP_SERVERS
 */
public class ToolServer {
  /** Thrown by Exit.exit/halt in place of ending the JVM; carries the status. */
  static final class ToolExit extends RuntimeException {
    ToolExit() {
      super(null, null, false, false);
    }
  }

  /** Where the current call writes, and its exit status (the first Exit.exit wins, as in a real JVM). */
  static final class Call {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    Integer status;
  }

  static final InheritableThreadLocal<Call> CURRENT = new InheritableThreadLocal<>();
  static Admin admin;
  static List<InetSocketAddress> brokers;

  static PrintStream routed(boolean toErr, PrintStream fallback) {
    OutputStream sink = new OutputStream() {
      /** Null once the call has exited: a JVM would print nothing more (tools catching Throwable still try). */
      OutputStream target() {
        Call call = CURRENT.get();
        if (call == null) return fallback;
        synchronized (call) {
          if (call.status != null) return null;
        }
        return toErr ? call.err : call.out;
      }

      @Override
      public void write(int b) throws IOException {
        OutputStream target = target();
        if (target == null) return;
        synchronized (target) {
          target.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        OutputStream target = target();
        if (target == null) return;
        synchronized (target) {
          target.write(b, off, len);
        }
      }

      @Override
      public void flush() throws IOException {
        OutputStream target = target();
        if (target != null) target.flush();
      }
    };
    return new PrintStream(sink, true, StandardCharsets.UTF_8);
  }

  static void exit(int status) {
    Call call = CURRENT.get();
    if (call != null) {
      synchronized (call) {
        if (call.status == null) call.status = status;
      }
    }
    throw new ToolExit();
  }

  public static void main(String[] args) throws Exception {
    Path portFile = Path.of(args[0]);
    admin = Admin.create(Map.of("bootstrap.servers", args[1], "client.id", "tool-server"));
    brokers = Arrays.stream(args[1].split(",")).map(b -> new InetSocketAddress(b.substring(0, b.lastIndexOf(':')), Integer.parseInt(b.substring(b.lastIndexOf(':') + 1)))).toList();
    System.setOut(routed(false, System.out));
    System.setErr(routed(true, System.err));
    Exit.setExitProcedure((status, message) -> exit(status));
    Exit.setHaltProcedure((status, message) -> exit(status));
    // Console consumers add a hook per run: in a long-lived JVM they would only pile up.
    Exit.setShutdownHookAdder((name, runnable) -> {});
    try (ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
      Path written = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"), Integer.toString(server.getLocalPort()));
      Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      for (;;) {
        Socket socket = server.accept();
        Thread thread = new Thread(() -> serve(socket), "tool-call");
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  /** Request: the main class, then the argument count and each argument. Answer: status, stdout, stderr. */
  static void serve(Socket socket) {
    try (socket) {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      String mainClass = in.readUTF();
      String[] toolArgs = new String[in.readInt()];
      for (int i = 0; i < toolArgs.length; i++) toolArgs[i] = in.readUTF();
      settle(); // what the dashboard changed just before, the tool sees
      Call call = run(mainClass, toolArgs);
      settle(); // what the tool changed, the dashboard sees
      DataOutputStream answer = new DataOutputStream(socket.getOutputStream());
      answer.writeInt(call.status == null ? 0 : call.status);
      byte[] out = call.out.toByteArray();
      byte[] err = call.err.toByteArray();
      answer.writeInt(out.length);
      answer.write(out);
      answer.writeInt(err.length);
      answer.write(err);
      answer.flush();
    } catch (IOException e) {
      // The client went away: nothing to answer.
    }
  }

  static Call run(String mainClass, String[] toolArgs) {
    Call call = new Call();
    CURRENT.set(call);
    try {
      Class.forName(mainClass).getMethod("main", String[].class).invoke(null, (Object) toolArgs);
    } catch (InvocationTargetException e) {
      if (!(e.getCause() instanceof ToolExit)) failed(call, e.getCause());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      failed(call, e);
    } finally {
      CURRENT.remove();
    }
    return call;
  }

  /**
   * Waits (5 s at most) until every broker that answers has applied the metadata log up to the
   * quorum's high watermark of now (DescribeQuorum). Nothing to wait for when the quorum does not
   * answer (cluster stopped); a broker that does not answer (killed by a chaos test) is skipped.
   */
  static void settle() {
    long deadline = System.currentTimeMillis() + 5000;
    try {
      long committed = admin.describeMetadataQuorum().quorumInfo().get(5, TimeUnit.SECONDS).highWatermark();
      for (InetSocketAddress broker : brokers) {
        while (System.currentTimeMillis() < deadline) {
          long applied = appliedOffset(broker);
          if (applied < 0 || applied + 1 >= committed) break;
          Thread.sleep(20);
        }
      }
    } catch (Exception e) {
      System.err.println("tool server: the quorum did not answer (" + e + "); not waiting");
    }
  }

  /**
   * The offset of the last metadata record the broker has applied, or -1 when it does not answer.
   * A KRaft broker reports it in ApiVersions as FinalizedFeaturesEpoch (its metadata image's offset).
   */
  static long appliedOffset(InetSocketAddress broker) {
    short version = 3;
    RequestHeader header = new RequestHeader(ApiKeys.API_VERSIONS, version, "tool-server", 1);
    ByteBuffer request = new ApiVersionsRequest.Builder(version).build(version).serializeWithHeader(header);
    try (Socket socket = new Socket()) {
      socket.connect(broker, 1000);
      socket.setSoTimeout(2000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeInt(request.remaining());
      out.write(request.array(), request.arrayOffset() + request.position(), request.remaining());
      out.flush();
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      byte[] answer = new byte[in.readInt()];
      in.readFully(answer);
      return ((ApiVersionsResponse) AbstractResponse.parseResponse(ByteBuffer.wrap(answer), header)).data().finalizedFeaturesEpoch();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** An exception out of main: printed, status 1, as the JVM would. */
  static void failed(Call call, Throwable error) {
    if (call.status != null) return;
    PrintWriter writer = new PrintWriter(call.err, true, StandardCharsets.UTF_8);
    writer.print("Exception in thread \"main\" ");
    error.printStackTrace(writer);
    synchronized (call) {
      if (call.status == null) call.status = 1;
    }
  }
}
