package app.plainpaper.cli.process;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in service process for supervision tests: serves {"status":"UP"} on /actuator/health at
 * --server.port, writes the arguments and demo password it got to {@code <plainpaper.data-dir>/started.txt}.
 * With --stubborn it does not end on SIGTERM (its shutdown hook blocks), so only SIGKILL stops it.
 */
public final class TinyService {

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 0;
        Path dataDir = null;
        boolean stubborn = false;
        for (String arg : args) {
            if (arg.startsWith("--server.port=")) {
                port = Integer.parseInt(arg.substring("--server.port=".length()));
            } else if (arg.startsWith("--plainpaper.data-dir=")) {
                dataDir = Path.of(arg.substring("--plainpaper.data-dir=".length()));
            } else if (arg.equals("--stubborn")) {
                stubborn = true;
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        if (dataDir != null) {
            List<String> lines = new ArrayList<>(List.of(args));
            lines.add("PLAINPAPER_DEMO_PASSWORD=" + System.getenv("PLAINPAPER_DEMO_PASSWORD"));
            Files.createDirectories(dataDir);
            Files.write(dataDir.resolve("started.txt"), lines);
        }
        System.out.println("tiny service up on " + port);
        if (stubborn) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException ignored) {
                    // keep blocking shutdown until killed
                }
            }));
        }
        new CountDownLatch(1).await();
    }
}
