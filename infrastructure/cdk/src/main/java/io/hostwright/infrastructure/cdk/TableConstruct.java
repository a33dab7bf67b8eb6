package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.IndexSpec;
import io.hostwright.manifest.TableSpec;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/** The single DynamoDB table; it holds every order and service, so it survives stack deletion. */
public final class TableConstruct extends Construct {

    private final Table table;

    public TableConstruct(Construct scope, String id, TableSpec spec) {
        super(scope, id);
        table = retained(this, "Table", spec)
                .encryption(TableEncryption.AWS_MANAGED)
                .build();
        for (IndexSpec index : spec.indexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(stringKey(index.partitionKey()))
                    .sortKey(stringKey(index.sortKey()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
    }

    public Table table() {
        return table;
    }

    /** A table as Hostwright keeps every table: on demand, recoverable to the second, expiring items, kept on delete. */
    static Table.Builder retained(Construct scope, String id, TableSpec spec) {
        return Table.Builder.create(scope, id)
                .partitionKey(stringKey(spec.partitionKey()))
                .sortKey(stringKey(spec.sortKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .timeToLiveAttribute(spec.ttlAttribute())
                .removalPolicy(RemovalPolicy.RETAIN);
    }

    private static Attribute stringKey(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
