package io.hostwright.local.seed;

import io.hostwright.backends.Backends;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbConnectionTemplates;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a seed directory ({@code catalog.json}, and {@code connections.json} when present) into any environment's
 * table — the laptop's, or a deployed stack's with your AWS credentials:
 *
 * <pre>
 * java -cp infrastructure/local/target/hostwright-local.jar io.hostwright.local.seed.LoadSeed \
 *     --table &lt;TableName output&gt; --region eu-west-1 [--endpoint http://127.0.0.1:8000] \
 *     [--simulator BACKEND=http://127.0.0.1:PORT] infrastructure/local/seed
 * </pre>
 *
 * Connections and products are checked against the registered back-ends, then created or replaced; nothing else
 * is touched. A connection whose base URL is {@code simulator} needs {@code --simulator <its back-end>=URL}.
 */
public final class LoadSeed {

    private LoadSeed() {
    }

    record Arguments(String table, String region, URI endpoint, Map<String, String> simulators, Path directory) {
    }

    public static void main(String[] args) {
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: LoadSeed --table NAME --region REGION [--endpoint URL] [--simulator BACKEND=URL]... SEED_DIR");
            System.exit(2);
            return;
        }
        DynamoDbClientBuilder builder = DynamoDbClient.builder().region(Region.of(arguments.region()))
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (arguments.endpoint() != null) {
            builder.endpointOverride(arguments.endpoint());
        }
        try (DynamoDbClient dynamo = builder.build()) {
            for (String line : load(dynamo, arguments)) {
                System.out.println(line);
            }
        } catch (RuntimeException e) {
            System.err.println("seed not loaded: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Loads the seed; returns what it did, one line per item kind. */
    static List<String> load(DynamoDbClient dynamo, Arguments arguments) {
        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(dynamo, arguments.table());
        BackendRegistry backends = Backends.on(dynamo, arguments.table(), null, null, Backends.keysFromEnvironment(),
                Backends.BACKOFF, Clock.systemUTC());
        // everything read and checked before the first write
        Seed seed = Seed.read(arguments.directory())
                .withSimulators(backend -> Optional.ofNullable(arguments.simulators().get(backend)))
                .checkedAgainst(backends, connections);
        seed.writeTo(connections, new DynamoDbConnectionTemplates(dynamo, arguments.table()),
                new DynamoDbCatalogRepository(dynamo, arguments.table()));
        return List.of(seed.connections().size() + " connections, " + seed.products().size() + " products from "
                + arguments.directory());
    }

    static Arguments parse(String[] args) {
        String table = null;
        String region = null;
        URI endpoint = null;
        Map<String, String> simulators = new LinkedHashMap<>();
        Path directory = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--table" -> table = value(args, ++i, "--table");
                case "--region" -> region = value(args, ++i, "--region");
                case "--endpoint" -> endpoint = URI.create(value(args, ++i, "--endpoint"));
                case "--simulator" -> {
                    String pair = value(args, ++i, "--simulator");
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--simulator takes BACKEND=URL, e.g. tenantos=http://127.0.0.1:8089");
                    }
                    simulators.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                default -> {
                    if (args[i].startsWith("--") || directory != null) {
                        throw new IllegalArgumentException("unexpected argument " + args[i]);
                    }
                    directory = Path.of(args[i]);
                }
            }
        }
        if (table == null || region == null || directory == null) {
            throw new IllegalArgumentException("--table, --region and the seed directory are required");
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory");
        }
        return new Arguments(table, region, endpoint, simulators, directory);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
