package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.TableSpec;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * Customer credentials (root passwords), apart from the main table: encrypted with a key of their own, so only the
 * functions granted this table — which the grant extends to the key — can read a password, whatever else they may
 * read. The storefront and staff APIs get neither.
 */
public final class CredentialsConstruct extends Construct {

    private final Key key;
    private final Table table;

    public CredentialsConstruct(Construct scope, String id, TableSpec spec) {
        super(scope, id);
        key = Key.Builder.create(this, "Key")
                .description("Encrypts Hostwright's customer credentials table (root passwords)")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        table = TableConstruct.retained(this, "Table", spec)
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(key)
                .build();
    }

    public Table table() {
        return table;
    }

    public Key key() {
        return key;
    }
}
