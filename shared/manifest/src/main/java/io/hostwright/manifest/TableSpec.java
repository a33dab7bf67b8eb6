package io.hostwright.manifest;

import java.util.List;

/** The one DynamoDB table: string partition and sort keys, GSIs, TTL attribute. Used by CDK and the laptop runtime. */
public record TableSpec(String name, String partitionKey, String sortKey, List<IndexSpec> indexes, String ttlAttribute) {

    public TableSpec {
        indexes = List.copyOf(indexes);
    }
}
