package io.hostwright.emulators;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * AWS's DynamoDB Local 2.6.1 in server mode: in memory (or, given a directory, in the SQLite file
 * {@code shared-local-instance.db} there, as {@code -dbPath} keeps it), one shared database for every access key and
 * region, no telemetry, listening on {@code 127.0.0.1} only. On disk every write is committed to SQLite before it is
 * answered, so the file survives the process being killed.
 *
 * <p>{@code ServerRunner} and {@code DynamoDBProxyServer} build a Jetty server on all interfaces and keep it private,
 * so this class builds the request handler {@code ServerRunner.createServer} builds and mounts it on a Jetty server of
 * its own whose connector is bound to the loopback address. Telemetry is never configured on this path, so nothing is
 * sent anywhere.
 *
 * <p>DynamoDB Local runs background jobs on a pool of non-daemon threads and on shutdown only asks them to stop; its
 * stream shard job sleeps for minutes before it looks, and would keep a JVM alive that long. Everything is therefore
 * started from a thread of a {@link ThreadGroup} of its own, which every thread started from there (Jetty's, and the
 * jobs' pool created on a request thread) inherits, and {@link #close()} interrupts what is left in that group.
 */
public final class DynamoDbLocal implements AutoCloseable {

    /** The port DynamoDB Local uses by default; the laptop runtime prefers it. */
    public static final int CONVENTIONAL_PORT = 8000;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final ThreadGroup threads;
    private final int port;

    private DynamoDbLocal(Server server, LocalDynamoDBServerHandler handler, ThreadGroup threads, int port) {
        this.server = server;
        this.handler = handler;
        this.threads = threads;
        this.port = port;
    }

    /** Starts on a free port chosen by the operating system. */
    public static DynamoDbLocal start() {
        return start(0);
    }

    /**
     * Starts on {@code preferredPort}, or on a free port when that one is taken; {@code 0} means any free port. Read
     * the port actually used from {@link #port()}.
     */
    public static DynamoDbLocal start(int preferredPort) {
        return start(preferredPort, null);
    }

    /** As {@link #start(int)}, keeping the database in {@code directory} when it is not null (in memory when it is). */
    public static DynamoDbLocal start(int preferredPort, Path directory) {
        if (directory != null) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create DynamoDB Local's directory " + directory, e);
            }
        }
        try {
            return startOn(preferredPort, directory);
        } catch (PortInUseException e) {
            return startOn(0, directory);
        }
    }

    private static DynamoDbLocal startOn(int port, Path directory) {
        ThreadGroup threads = new ThreadGroup("dynamodb-local-" + INSTANCES.incrementAndGet());
        return inGroup(threads, () -> {
            LocalDynamoDBServerHandler handler = newHandler(directory);
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(Loopback.HOST);
            connector.setPort(port);
            server.addConnector(connector);
            ContextHandler context = new ContextHandler();
            context.setHandler(handler);
            server.setHandler(new ContextHandlerCollection(context));
            try {
                server.start();
            } catch (Exception e) {
                stop(server, handler, threads);
                if (port != 0 && Loopback.isAddressInUse(e)) {
                    throw new PortInUseException(port, e);
                }
                throw new EmulatorStartException("DynamoDB Local did not start on port " + port, e);
            }
            return new DynamoDbLocal(server, handler, threads, connector.getLocalPort());
        });
    }

    private static LocalDynamoDBServerHandler newHandler(Path directory) {
        try {
            // as ServerRunner.createServer builds it for -inMemory -sharedDb (or -dbPath DIR -sharedDb):
            // (0, inMemory, dbPath, sharedDb, delayTransientStatuses), and no CORS
            boolean inMemory = directory == null;
            return new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0, inMemory,
                    inMemory ? null : directory.toAbsolutePath().toString(), true, false), null);
        } catch (Exception e) {
            throw new EmulatorStartException("DynamoDB Local could not open its database"
                    + (directory == null ? " in memory" : " in " + directory), e);
        }
    }

    private static DynamoDbLocal inGroup(ThreadGroup group, Callable<DynamoDbLocal> start) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread starter = new Thread(group, () -> {
            try {
                outcome.set(start.call());
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, group.getName() + "-start");
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorStartException("interrupted while DynamoDB Local started", e);
        }
        return switch (outcome.get()) {
            case DynamoDbLocal started -> started;
            case RuntimeException e -> throw e;
            case Throwable e -> throw new EmulatorStartException("DynamoDB Local did not start", e);
            default -> throw new IllegalStateException("DynamoDB Local start ended with " + outcome.get());
        };
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return Loopback.uri(port);
    }

    /** Stops the server, closes the database (an in-memory one is gone) and ends DynamoDB Local's background threads. */
    @Override
    public void close() {
        stop(server, handler, threads);
    }

    private static void stop(Server server, LocalDynamoDBServerHandler handler, ThreadGroup threads) {
        try {
            server.stop();
        } catch (Exception e) {
            // the database below is closed regardless; a half-stopped Jetty has nothing left worth reporting
        } finally {
            handler.close();
            Thread[] left = new Thread[threads.activeCount() + 8];
            int count = threads.enumerate(left);
            for (int i = 0; i < count; i++) {
                left[i].interrupt();
            }
        }
    }

    /** Raised inside {@link #start(int)} so that a taken preferred port falls back to a free one. */
    static final class PortInUseException extends RuntimeException {
        PortInUseException(int port, Throwable cause) {
            super("port " + port + " is in use", cause);
        }
    }
}
