package io.hostwright.emulators;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.collection.immutable.List$;
import scala.util.Either;
import scalikejdbc.ConnectionPool;
import scalikejdbc.ConnectionPool$;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ElasticMQ 1.7.1, an SQS, on {@code 127.0.0.1}. It answers AWS SDK v2's JSON protocol; queue URLs it hands out carry
 * the address it is bound to.
 *
 * <p>In memory by default. {@link #start(String, int, Path)} with a directory keeps queues and messages — sent,
 * in flight (receive count and visibility included) and dead letters — in an H2 database there
 * ({@code queues.mv.db}), ElasticMQ's own SQL persistence: every send, receive and delete is written before it is
 * answered, and the queues come back with their messages at the next start. ElasticMQ keeps that database in one
 * JVM-wide connection pool, so only one persistent instance runs per JVM at a time.
 *
 * <p>A message the last instance had handed out and not seen deleted is visible again at once after a restart,
 * instead of after its visibility timeout: this emulator's consumers live in the process that ran it, so whatever was
 * handling it is gone (after a kill, minutes of waiting for nothing; SQS would wait because a consumer elsewhere might
 * still be working). Delayed messages never received keep their delay.
 */
public final class ElasticMq implements AutoCloseable {

    /** The port ElasticMQ uses by default; the laptop runtime prefers it. */
    public static final int CONVENTIONAL_PORT = 9324;
    public static final String ACCOUNT_ID = "000000000000";
    /** The H2 database's name in the directory (H2 adds {@code .mv.db}). */
    static final String DATABASE = "queues";

    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicBoolean PERSISTENT_RUNNING = new AtomicBoolean();

    private final SQSRestServer server;
    private final int port;
    /** The actor system a persistent instance made itself (the builder does not stop a provided one); else null. */
    private final ActorSystem ownActorSystem;

    private final int releasedAtStart;

    private ElasticMq(SQSRestServer server, int port, ActorSystem ownActorSystem, int releasedAtStart) {
        this.server = server;
        this.port = port;
        this.ownActorSystem = ownActorSystem;
        this.releasedAtStart = releasedAtStart;
    }

    /** Starts on a free port chosen by the operating system. */
    public static ElasticMq start(String region) {
        return start(region, 0);
    }

    /** Starts in memory on {@code preferredPort}, or on a free port when that one is taken; {@code 0} means any free port. */
    public static ElasticMq start(String region, int preferredPort) {
        return start(region, preferredPort, null);
    }

    /**
     * Starts on {@code preferredPort} (or a free one when it is taken), keeping queues and messages in
     * {@code directory} when it is not null and restoring what an earlier instance left there.
     */
    public static ElasticMq start(String region, int preferredPort, Path directory) {
        if (preferredPort != 0 && !Loopback.isFree(preferredPort)) {
            preferredPort = 0;
        }
        try {
            return startOn(region, preferredPort, directory);
        } catch (EmulatorStartException e) {
            if (preferredPort != 0 && Loopback.isAddressInUse(e)) {
                return startOn(region, 0, directory);
            }
            throw e;
        }
    }

    private static ElasticMq startOn(String region, int port, Path directory) {
        if (directory == null) {
            SQSRestServer server = SQSRestServerBuilder
                    .withInterface(Loopback.HOST)
                    .withPort(port)
                    .withAWSRegion(region)
                    .withAWSAccountId(ACCOUNT_ID)
                    .start();
            return bound(server, port, null, 0);
        }
        if (!PERSISTENT_RUNNING.compareAndSet(false, true)) {
            throw new EmulatorStartException("an ElasticMQ keeping its queues on disk already runs in this JVM "
                    + "(ElasticMQ's database connection is JVM-wide): close it first");
        }
        ActorSystem system = null;
        try {
            Files.createDirectories(directory);
            openDatabase(directory);
            int released = InFlightMessages.release(databaseUri(directory), System.currentTimeMillis());
            system = ActorSystem.create("elasticmq");
            SqlQueuePersistenceConfig persistence = new SqlQueuePersistenceConfig(true, "org.h2.Driver",
                    databaseUri(directory), "", "", false);
            ActorRef store = system.actorOf(Props.create(SqlQueuePersistenceActor.class,
                    () -> new SqlQueuePersistenceActor(persistence, List$.MODULE$.empty())));
            ActorRef queueManager = system.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(new NowProvider(), SQSRestServerBuilder.sqsLimits(), Option.apply(store))));
            restore(store, queueManager);
            SQSRestServer server = SQSRestServerBuilder
                    .withActorSystem(system)
                    .withQueueManagerActor(queueManager)
                    .withQueueEventListener(store)
                    .withInterface(Loopback.HOST)
                    .withPort(port)
                    .withAWSRegion(region)
                    .withAWSAccountId(ACCOUNT_ID)
                    .start();
            return bound(server, port, system, released);
        } catch (IOException e) {
            stopPersistence(system);
            throw new UncheckedIOException("cannot create ElasticMQ's directory " + directory, e);
        } catch (RuntimeException e) {
            stopPersistence(system);
            throw e;
        }
    }

    /** Queues and their messages back from the database, before the server answers anyone. */
    private static void restore(ActorRef store, ActorRef queueManager) {
        Object outcome;
        try {
            outcome = Patterns.ask(store, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT)
                    .toCompletableFuture().get(RESTORE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorStartException("interrupted while ElasticMQ restored its queues", e);
        } catch (Exception e) {
            throw new EmulatorStartException("ElasticMQ could not restore its queues: " + e.getMessage(), e);
        }
        if (outcome instanceof Either<?, ?> either && either.isLeft()) {
            throw new EmulatorStartException("ElasticMQ could not restore its queues: " + either.left().get());
        }
    }

    /**
     * ElasticMQ opens its database once per JVM through scalikejdbc's default pool; pointing that pool here first
     * makes a second start in the same JVM (after a close) use this directory, not the first one's.
     */
    private static void openDatabase(Path directory) {
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new EmulatorStartException("the H2 driver ElasticMQ's persistence needs is missing", e);
        }
        ConnectionPool$ pools = ConnectionPool$.MODULE$;
        String uri = databaseUri(directory);
        ConnectionPool.singleton(uri, "", "", pools.singleton$default$4(),
                pools.singleton$default$5(uri, "", "", pools.singleton$default$4()));
    }

    /**
     * The database file under {@code directory}. Every commit is written to the file at once (no write delay), so
     * a message answered as sent survives the process being killed right after.
     */
    static String databaseUri(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve(DATABASE) + ";WRITE_DELAY=0";
    }

    private static void stopPersistence(ActorSystem system) {
        try {
            if (system != null) {
                system.terminate();
                scala.concurrent.Await.result(system.whenTerminated(),
                        scala.concurrent.duration.Duration.create(30, TimeUnit.SECONDS));
            }
        } catch (Exception e) {
            // stopping what half started; the start failure is the one worth reporting
        } finally {
            ConnectionPool.closeAll();
            PERSISTENT_RUNNING.set(false);
        }
    }

    private static ElasticMq bound(SQSRestServer server, int port, ActorSystem ownActorSystem, int released) {
        try {
            InetSocketAddress bound = server.waitUntilStarted().localAddress();
            return new ElasticMq(server, bound.getPort(), ownActorSystem, released);
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

    /** How many messages the last instance had handed out and this start made visible again. */
    public int releasedAtStart() {
        return releasedAtStart;
    }

    /** Whether queues and messages outlive this instance. */
    public boolean persistent() {
        return ownActorSystem != null;
    }

    /** Stops the server and its actor system; in memory every queue and message is gone, on disk they stay. */
    @Override
    public void close() {
        try {
            server.stopAndWait();
        } finally {
            if (ownActorSystem != null) {
                stopPersistence(ownActorSystem);
            }
        }
    }
}
