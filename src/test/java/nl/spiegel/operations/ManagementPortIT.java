package nl.spiegel.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.spiegel.SpiegelApplication;
import nl.spiegel.shared.database.EmbeddedMariaDb;

/**
 * Health and Prometheus metrics are served on the management port only, which listens on 127.0.0.1, and never on the
 * application's port; health reports DOWN while the database is away and UP again once it is back.
 */
class ManagementPortIT {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void healthAndMetricsLiveOnTheLocalManagementPortAndFollowTheDatabase() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SpiegelApplication.class).run(
                "--spiegel.embedded-db.data-dir=" + dataDir,
                "--server.port=0",
                "--management.server.port=0",
                "--logging.level.root=WARN")) {
            int appPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            int managementPort = Integer.parseInt(app.getEnvironment().getProperty("local.management.port"));
            assertThat(managementPort).isNotEqualTo(appPort);

            HttpResponse<String> health = get(managementPort, "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("db", "mariadb");

            HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");

            HttpResponse<String> onAppPort = get(appPort, "/actuator/health");
            assertThat(onAppPort.body()).as("no health on the public port").doesNotContain("\"status\"");
            assertThat(get(appPort, "/actuator/prometheus").body()).doesNotContain("jvm_memory_used_bytes");
            assertThat(onAppPort.statusCode()).isNotEqualTo(200);

            HttpResponse<String> env = get(managementPort, "/actuator/env");
            assertThat(env.statusCode()).as("nothing else exposed").isNotEqualTo(200);
            assertThat(env.body()).doesNotContain("propertySources");
            assertThat(app.getEnvironment().getProperty("management.server.address")).isEqualTo("127.0.0.1");
            Optional<InetAddress> outside = nonLoopbackAddress();
            outside.ifPresent(address -> assertThat(connects(address, managementPort))
                    .as("the management port is not reachable on " + address).isFalse());

            EmbeddedMariaDb database = app.getBean(EmbeddedMariaDb.class);
            database.stopForDrill();
            try {
                HttpResponse<String> down = get(managementPort, "/actuator/health");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body()).contains("\"status\":\"DOWN\"");
            } finally {
                database.startAgain();
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> get(managementPort, "/actuator/health").statusCode() == 200);
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                }).flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
