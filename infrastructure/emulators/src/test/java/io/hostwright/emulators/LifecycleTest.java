package io.hostwright.emulators;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static io.hostwright.emulators.Sockets.accepts;
import static org.assertj.core.api.Assertions.assertThat;

/** Starts and stops instances of its own, apart from the one the extension shares. */
class LifecycleTest {

    @Test
    void startsEverythingAndLeavesNoProcessPortOrThreadBehind() {
        Set<Long> childrenBefore = children();
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();

        LocalAws aws = LocalAws.start();
        ProcessHandle node = aws.sesEmulator().process();
        List<ProcessHandle> nodeDescendants = node.descendants().toList();
        List<URI> endpoints = List.of(aws.dynamoDbEndpoint(), aws.sqsEndpoint(), aws.sesEndpoint());
        System.out.printf("LocalAws started in %d ms%n", aws.startupTime().toMillis());
        assertThat(endpoints).allSatisfy(endpoint -> assertThat(accepts(endpoint)).isTrue());
        assertThat(node.isAlive()).isTrue();

        long stopping = System.nanoTime();
        aws.close();
        System.out.printf("LocalAws stopped in %d ms%n", Duration.ofNanos(System.nanoTime() - stopping).toMillis());

        assertThat(node.isAlive()).isFalse();
        assertThat(nodeDescendants).noneMatch(ProcessHandle::isAlive);
        assertThat(children()).isSubsetOf(childrenBefore);
        assertThat(endpoints).allSatisfy(endpoint -> assertThat(accepts(endpoint)).isFalse());
        assertThat(eventually(() -> newNonDaemonThreads(threadsBefore).isEmpty()))
                .as("non-daemon threads left: %s", newNonDaemonThreads(threadsBefore)).isTrue();
    }

    @Test
    void theSesEmulatorExitsWhenItsJvmIsKilled() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrphanProbe.class.getName())
                .redirectErrorStream(true).start();
        Optional<ProcessHandle> node = Optional.empty();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
            String line;
            while (node.isEmpty() && (line = output.readLine()) != null) {
                if (line.startsWith("node-pid ")) {
                    node = ProcessHandle.of(Long.parseLong(line.substring("node-pid ".length())));
                }
            }
            assertThat(node).as("the probe JVM reported its running Node process").isPresent();

            jvm.destroyForcibly().waitFor();

            ProcessHandle started = node.get();
            assertThat(eventually(() -> !started.isAlive())).as("Node outlived its killed JVM").isTrue();
        } finally {
            jvm.destroyForcibly();
            node.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aTakenPreferredPortFallsBackToAFreeOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             DynamoDbLocal dynamoDb = DynamoDbLocal.start(taken.getLocalPort());
             ElasticMq sqs = ElasticMq.start(LocalAws.REGION, taken.getLocalPort());
             SesEmulator ses = SesEmulator.start(taken.getLocalPort())) {
            assertThat(List.of(dynamoDb.port(), sqs.port(), ses.port()))
                    .doesNotContain(taken.getLocalPort())
                    .allSatisfy(port -> assertThat(accepts(new InetSocketAddress("127.0.0.1", port))).isTrue());
        }
    }

    @Test
    void aFreePreferredPortIsUsed() {
        int port = Loopback.freePort();
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start(port)) {
            assertThat(dynamoDb.port()).isEqualTo(port);
            assertThat(dynamoDb.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port));
        }
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static List<String> newNonDaemonThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.isDaemon() && t.isAlive() && !before.contains(t))
                .map(t -> t.getName() + Arrays.toString(t.getStackTrace())).toList();
    }

    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
