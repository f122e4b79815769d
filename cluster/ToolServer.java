import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.kafka.common.utils.Exit;

/**
 * Kafka's own command-line tools (TopicCommand, ConsumerGroupCommand, GetOffsetShell...) run in one
 * warm JVM, for the test suites: a fresh JVM per call costs about 1.5 s and 1.7 s of CPU, and the
 * suites make hundreds of calls. The tool's main class and arguments come in over a loopback
 * socket; its exit status, standard output and standard error go back. Calls run side by side,
 * each on its own thread: System.out/err are routed per call (threads a tool starts inherit its
 * route), and Exit.exit, which the tools call where a JVM would end, ends only the call.
 *
 * Started by `cluster.mjs tool` when KAFKA_TOOL_SERVER=1, stopped with the cluster.
 * Usage: java -cp 'libs/*' ToolServer.java PORT_FILE
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
      Call call = run(mainClass, toolArgs);
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
