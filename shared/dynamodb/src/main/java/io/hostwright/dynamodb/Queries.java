package io.hostwright.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Queries read to the end, page by page. */
final class Queries {

    private Queries() {
    }

    /** A consistent read of the items of partition {@code pk} whose sort key starts with {@code prefix}. */
    static QueryRequest.Builder prefixed(String table, String pk, String prefix) {
        return QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":prefix",
                        AttributeValue.fromS(prefix)));
    }

    static <T> List<T> all(DynamoDbClient dynamo, QueryRequest.Builder query,
                           Function<Map<String, AttributeValue>, T> mapper) {
        List<T> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(start).build());
            page.items().forEach(item -> out.add(mapper.apply(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
