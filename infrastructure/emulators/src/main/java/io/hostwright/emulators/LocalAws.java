package io.hostwright.emulators;

import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.ResourceNames;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * DynamoDB Local, ElasticMQ and the SES emulator, started together, with the manifest's table and queues created:
 * what the laptop runtime runs on and what integration tests share (see {@link LocalAwsExtension}).
 *
 * <p>All three listen on {@code 127.0.0.1}. Clients from here use region {@value #REGION}, fixed credentials, the
 * emulator's endpoint and the URL-connection HTTP client.
 */
public final class LocalAws implements AutoCloseable {

    public static final String REGION = "eu-west-1";
    /** DynamoDB Local 2.x rejects an access key ID with anything but letters and digits. */
    public static final String ACCESS_KEY_ID = "hostwrightlocal";
    public static final String SECRET_ACCESS_KEY = "hostwrightlocal";
    public static final String MAIL_FROM = "noreply@hostwright.local";

    /** Under the data directory: DynamoDB Local's SQLite file. */
    public static final String DYNAMODB_DIRECTORY = "dynamodb";
    /** Under the data directory: ElasticMQ's H2 database of queues and messages. */
    public static final String SQS_DIRECTORY = "sqs";
    /** Under the data directory: the SES emulator's journal of sent mail and templates. */
    public static final String SES_STORE = "ses/mail.jsonl";

    /** Ports to start on; {@code 0} is any free port, any other number is tried first and replaced if taken. */
    public record Ports(int dynamoDb, int sqs, int ses) {

        public static final Ports ANY_FREE = new Ports(0, 0, 0);
        /** Each emulator's own default, which the laptop runtime prefers so URLs stay the same between runs. */
        public static final Ports CONVENTIONAL = new Ports(
                DynamoDbLocal.CONVENTIONAL_PORT, ElasticMq.CONVENTIONAL_PORT, SesEmulator.CONVENTIONAL_PORT);
    }

    private static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));

    private final DynamoDbLocal dynamoDbLocal;
    private final ElasticMq elasticMq;
    private final SesEmulator sesEmulator;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final SesV2Client ses;
    private final LocalResourceNames resourceNames;
    private final Path dataDirectory;
    private final Duration startupTime;

    private LocalAws(Database database, Queues queues, Mail mail, Path dataDirectory, Duration startupTime) {
        this.dynamoDbLocal = database.server();
        this.dynamoDb = database.client();
        this.elasticMq = queues.server();
        this.sqs = queues.client();
        this.sesEmulator = mail.server();
        this.ses = mail.client();
        this.resourceNames = new LocalResourceNames(Manifest.TABLE.name(), Manifest.CREDENTIALS_TABLE.name(), queues.urls(),
                MAIL_FROM);
        this.dataDirectory = dataDirectory;
        this.startupTime = startupTime;
    }

    /**
     * The repository the emulators run from: the nearest directory at or above the working directory holding the
     * {@code hostwright} aggregator pom beside {@code package.json}, or {@code -Dhostwright.root} /
     * {@code HOSTWRIGHT_ROOT}.
     */
    public static Path repositoryRoot() {
        return NodeTooling.repositoryRoot();
    }

    /**
     * Who hears what a start is doing when it takes long (installing the Node tools on a first start); standard
     * output unless set.
     */
    public static void onProgress(java.util.function.Consumer<String> listener) {
        NodeTooling.progress = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** Starts in memory on free ports. */
    public static LocalAws start() {
        return start(Ports.ANY_FREE);
    }

    /** Starts the three emulators in memory, in parallel, and creates the manifest's table and queues in them. */
    public static LocalAws start(Ports ports) {
        return start(ports, null);
    }

    /**
     * Starts the three emulators in parallel, keeping their data under {@code dataDirectory} when it is not null
     * ({@value #DYNAMODB_DIRECTORY}/, {@value #SQS_DIRECTORY}/, {@value #SES_STORE}), and creates the manifest's
     * table and queues in them unless they are there already from an earlier start.
     */
    public static LocalAws start(Ports ports, Path dataDirectory) {
        Path data = dataDirectory == null ? null : dataDirectory.toAbsolutePath();
        long started = System.nanoTime();
        try (ExecutorService starters = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "local-aws-start");
            thread.setDaemon(true);
            return thread;
        })) {
            CompletableFuture<Database> database = CompletableFuture.supplyAsync(() -> startDatabase(ports.dynamoDb(),
                    data == null ? null : data.resolve(DYNAMODB_DIRECTORY)), starters);
            CompletableFuture<Queues> queues = CompletableFuture.supplyAsync(() -> startQueues(ports.sqs(),
                    data == null ? null : data.resolve(SQS_DIRECTORY)), starters);
            CompletableFuture<Mail> mail = CompletableFuture.supplyAsync(() -> startMail(ports.ses(),
                    data == null ? null : data.resolve(SES_STORE)), starters);
            try {
                CompletableFuture.allOf(database, queues, mail).join();
            } catch (CompletionException e) {
                throw failedStart(List.of(database, queues, mail));
            }
            return new LocalAws(database.join(), queues.join(), mail.join(), data,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static Database startDatabase(int port, Path directory) {
        DynamoDbLocal server = DynamoDbLocal.start(port, directory);
        return closingOnFailure(server, () -> {
            DynamoDbClient client = configure(DynamoDbClient.builder(), server.endpoint()).build();
            ManifestResources.createTable(client, Manifest.TABLE);
            ManifestResources.createTable(client, Manifest.CREDENTIALS_TABLE);
            return new Database(server, client);
        });
    }

    private static Queues startQueues(int port, Path directory) {
        ElasticMq server = ElasticMq.start(REGION, port, directory);
        return closingOnFailure(server, () -> {
            SqsClient client = configure(SqsClient.builder(), server.endpoint()).build();
            return new Queues(server, client, ManifestResources.createQueues(client, Manifest.QUEUES));
        });
    }

    private static Mail startMail(int port, Path storeFile) {
        SesEmulator server = SesEmulator.start(port, storeFile);
        return closingOnFailure(server, () ->
                new Mail(server, configure(SesV2Client.builder(), server.endpoint()).build()));
    }

    private static <T> T closingOnFailure(AutoCloseable server, Supplier<T> setUp) {
        try {
            return setUp.get();
        } catch (RuntimeException e) {
            closeQuietly(server, e);
            throw e;
        }
    }

    /** Closes whatever did start, and reports every failure. */
    private static EmulatorStartException failedStart(List<CompletableFuture<? extends AutoCloseable>> starts) {
        List<Throwable> causes = new ArrayList<>();
        List<AutoCloseable> started = new ArrayList<>();
        for (CompletableFuture<? extends AutoCloseable> start : starts) {
            try {
                started.add(start.join());
            } catch (CompletionException e) {
                causes.add(e.getCause());
            }
        }
        EmulatorStartException failure = new EmulatorStartException("local AWS emulators did not all start: "
                + String.join("; ", causes.stream().map(Throwable::getMessage).toList()), causes.getFirst());
        causes.stream().skip(1).forEach(failure::addSuppressed);
        started.forEach(server -> closeQuietly(server, failure));
        return failure;
    }

    private static void closeQuietly(AutoCloseable closeable, Throwable collector) {
        try {
            closeable.close();
        } catch (Exception e) {
            collector.addSuppressed(e);
        }
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
        return builder
                .region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbLocal.endpoint();
    }

    public URI sqsEndpoint() {
        return elasticMq.endpoint();
    }

    /**
     * How many messages the last run on this data folder had received and not deleted — the work it was doing when
     * it ended — this start made visible again at once.
     */
    public int messagesReleasedAtStart() {
        return elasticMq.releasedAtStart();
    }

    public URI sesEndpoint() {
        return sesEmulator.endpoint();
    }

    public Region region() {
        return Region.of(REGION);
    }

    public AwsCredentialsProvider credentialsProvider() {
        return CREDENTIALS;
    }

    /** Table name, queue URLs (dead-letter queues too, by their {@code -dlq} names) and sender, for the manifest. */
    public ResourceNames resourceNames() {
        return resourceNames;
    }

    public String tableName() {
        return resourceNames.tableName();
    }

    /** The customer credentials table (root passwords). */
    public String credentialsTableName() {
        return resourceNames.credentialsTableName();
    }

    /** The URL of a manifest queue, or of its dead-letter queue by {@code QueueSpec.deadLetterName()}. */
    public String queueUrl(String queueName) {
        return resourceNames.queueUrl(queueName);
    }

    public String deadLetterQueueUrl(String queueName) {
        return resourceNames.queueUrl(Manifest.queue(queueName).deadLetterName());
    }

    /** A client shared by everyone using this instance; do not close it. */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** A client shared by everyone using this instance; do not close it. */
    public SqsClient sqs() {
        return sqs;
    }

    /** A client shared by everyone using this instance; do not close it. */
    public SesV2Client ses() {
        return ses;
    }

    /** A builder set up for DynamoDB Local, for code that wants a client of its own (and closes it). */
    public DynamoDbClientBuilder dynamoDbClientBuilder() {
        return configure(DynamoDbClient.builder(), dynamoDbEndpoint());
    }

    public SqsClientBuilder sqsClientBuilder() {
        return configure(SqsClient.builder(), sqsEndpoint());
    }

    public SesV2ClientBuilder sesClientBuilder() {
        return configure(SesV2Client.builder(), sesEndpoint());
    }

    public SesEmulator sesEmulator() {
        return sesEmulator;
    }

    public List<SentEmail> sentEmails() {
        return sesEmulator.sentEmails();
    }

    public List<SentEmail> sentEmailsSince(Instant since) {
        return sesEmulator.sentEmailsSince(since);
    }

    /** Deletes every message, in flight or not, from every queue and dead-letter queue. */
    public void purgeQueues() {
        resourceNames.queueUrls().values().forEach(url -> sqs.purgeQueue(purge -> purge.queueUrl(url)));
    }

    public void clearEmails() {
        sesEmulator.clear();
    }

    /** Empties queues and the mail store; table items stay (tests use unique keys). */
    public void reset() {
        purgeQueues();
        clearEmails();
    }

    /** Where the emulators keep their data across restarts; empty when they run in memory. */
    public java.util.Optional<Path> dataDirectory() {
        return java.util.Optional.ofNullable(dataDirectory);
    }

    /** How long {@link #start} took, from the first emulator starting to the last queue created. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Closes the clients and stops the three emulators. */
    @Override
    public void close() {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable closeable : List.of(dynamoDb, sqs, ses, dynamoDbLocal, elasticMq, sesEmulator)) {
            try {
                closeable.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("local AWS emulators did not all stop");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private record Database(DynamoDbLocal server, DynamoDbClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            server.close();
        }
    }

    private record Queues(ElasticMq server, SqsClient client, Map<String, String> urls) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            server.close();
        }
    }

    private record Mail(SesEmulator server, SesV2Client client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}
