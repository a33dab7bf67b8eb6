package io.hostwright.emulators;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * ElasticMQ 1.7.1, an in-memory SQS, on {@code 127.0.0.1}. It answers AWS SDK v2's JSON protocol; queue URLs it
 * hands out carry the address it is bound to.
 */
public final class ElasticMq implements AutoCloseable {

    /** The port ElasticMQ uses by default; the laptop runtime prefers it. */
    public static final int CONVENTIONAL_PORT = 9324;
    public static final String ACCOUNT_ID = "000000000000";

    private final SQSRestServer server;
    private final int port;

    private ElasticMq(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on a free port chosen by the operating system. */
    public static ElasticMq start(String region) {
        return start(region, 0);
    }

    /** Starts on {@code preferredPort}, or on a free port when that one is taken; {@code 0} means any free port. */
    public static ElasticMq start(String region, int preferredPort) {
        if (preferredPort != 0 && !Loopback.isFree(preferredPort)) {
            preferredPort = 0;
        }
        try {
            return startOn(region, preferredPort);
        } catch (EmulatorStartException e) {
            if (preferredPort != 0 && Loopback.isAddressInUse(e)) {
                return startOn(region, 0);
            }
            throw e;
        }
    }

    private static ElasticMq startOn(String region, int port) {
        SQSRestServer server = SQSRestServerBuilder
                .withInterface(Loopback.HOST)
                .withPort(port)
                .withAWSRegion(region)
                .withAWSAccountId(ACCOUNT_ID)
                .start();
        try {
            InetSocketAddress bound = server.waitUntilStarted().localAddress();
            return new ElasticMq(server, bound.getPort());
        } catch (Exception e) { // Scala rethrows a BindException undeclared
            try {
                server.stopAndWait();
            } catch (Exception ignored) {
                // the start failure below is the one worth reporting
            }
            throw new EmulatorStartException("ElasticMQ did not start on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return Loopback.uri(port);
    }

    /** Stops the server and its actor system; every queue and message is gone. */
    @Override
    public void close() {
        server.stopAndWait();
    }
}
