package io.hostwright.manifest;

/** A global secondary index with string keys, projecting all attributes. */
public record IndexSpec(String name, String partitionKey, String sortKey) {
}
