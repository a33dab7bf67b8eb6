package io.hostwright.local.seed;

import io.hostwright.domain.catalog.Product;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbTenantOsCatalog;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a seed directory ({@code catalog.json}, and {@code tenantos.json} when present) into any environment's
 * table — the laptop's, or a deployed stack's with your AWS credentials:
 *
 * <pre>
 * java -cp infrastructure/local/target/hostwright-local.jar io.hostwright.local.seed.LoadSeed \
 *     --table &lt;TableName output&gt; --region eu-west-1 [--endpoint http://127.0.0.1:8000] \
 *     [--simulator-url http://127.0.0.1:PORT] infrastructure/local/seed
 * </pre>
 *
 * Products, connections and product settings are created or replaced; nothing else is touched. A connection whose
 * base URL is {@code simulator} needs {@code --simulator-url}.
 */
public final class LoadSeed {

    private LoadSeed() {
    }

    record Arguments(String table, String region, URI endpoint, String simulatorUrl, Path directory) {
    }

    public static void main(String[] args) {
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: LoadSeed --table NAME --region REGION [--endpoint URL] [--simulator-url URL] SEED_DIR");
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
        List<String> report = new ArrayList<>();
        Path catalogFile = arguments.directory().resolve("catalog.json");
        List<Product> products = CatalogSeedFile.read(catalogFile);
        Path tenantOsFile = arguments.directory().resolve("tenantos.json");
        TenantOsSeedFile.Seed tenantOs = Files.isRegularFile(tenantOsFile)
                ? TenantOsSeedFile.read(tenantOsFile).withBaseUrls(url -> {
                    if (!"simulator".equals(url)) {
                        return url;
                    }
                    if (arguments.simulatorUrl() == null) {
                        throw new IllegalArgumentException(tenantOsFile + " points a connection at the simulator: "
                                + "pass --simulator-url, or give the connection its real base URL");
                    }
                    return arguments.simulatorUrl();
                })
                : new TenantOsSeedFile.Seed(List.of(), List.of());
        // everything read and checked before the first write
        DynamoDbCatalogRepository catalog = new DynamoDbCatalogRepository(dynamo, arguments.table());
        products.forEach(catalog::saveProduct);
        report.add(products.size() + " products from " + catalogFile);
        DynamoDbTenantOsCatalog settings = new DynamoDbTenantOsCatalog(dynamo, arguments.table());
        tenantOs.connections().forEach(settings::saveConnection);
        tenantOs.products().forEach(settings::saveProductSettings);
        report.add(tenantOs.connections().size() + " TenantOS connections, " + tenantOs.products().size()
                + " TenantOS product settings" + (Files.isRegularFile(tenantOsFile) ? " from " + tenantOsFile : ""));
        return report;
    }

    static Arguments parse(String[] args) {
        String table = null;
        String region = null;
        URI endpoint = null;
        String simulatorUrl = null;
        Path directory = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--table" -> table = value(args, ++i, "--table");
                case "--region" -> region = value(args, ++i, "--region");
                case "--endpoint" -> endpoint = URI.create(value(args, ++i, "--endpoint"));
                case "--simulator-url" -> simulatorUrl = value(args, ++i, "--simulator-url");
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
        return new Arguments(table, region, endpoint, simulatorUrl, directory);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
