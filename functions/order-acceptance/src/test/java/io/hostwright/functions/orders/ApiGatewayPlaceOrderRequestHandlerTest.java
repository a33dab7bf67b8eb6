package io.hostwright.functions.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.order.AcceptOrder;
import io.hostwright.domain.order.OrderDispatch;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbStockLevels;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsMailQueue;
import io.hostwright.sqs.SqsStepQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler with real adapters on DynamoDB Local and ElasticMQ: what a storefront sees, and what gets written. */
@ExtendWith(LocalAwsExtension.class)
class ApiGatewayPlaceOrderRequestHandlerTest {

    private static final String PRODUCT = "it-dedi-" + UUID.randomUUID();
    private LocalAws aws;
    private ApiGatewayPlaceOrderRequestHandler handler;
    private DynamoDbServiceRepository services;
    private String customer;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        Clock clock = Clock.systemUTC();
        String table = aws.tableName();
        DynamoDbCatalogRepository catalog = new DynamoDbCatalogRepository(aws.dynamoDb(), table);
        Product sample = Samples.dedicated(PRODUCT, "tenantos", "tenantos-demo", Map.of());
        catalog.saveProduct(new Product(PRODUCT, "Dedicated E-2388G", "8 cores", sample.type(), sample.backend(),
                sample.connectionId(), sample.department(), sample.osTemplates(),
                List.of(new IntegerOption("ipv4", "IPv4", 1, 4, 1, 1, null), sample.options().get(1)),
                Map.of(BillingCycle.MONTHLY, new Price("EUR", 8900)), Map.of()));
        DynamoDbOrderRepository orders = new DynamoDbOrderRepository(aws.dynamoDb(), table, clock);
        OrderDispatch dispatch = new OrderDispatch(orders,
                new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.PROVISIONING_QUEUE)),
                new SqsMailQueue(aws.sqs(), aws.queueUrl(Manifest.MAIL_QUEUE)), clock);
        handler = new ApiGatewayPlaceOrderRequestHandler(new AcceptOrder(catalog,
                new DynamoDbStockLevels(aws.dynamoDb(), table), orders, dispatch,
                new SortableIds(clock), clock, (order, cause) -> { }));
        services = new DynamoDbServiceRepository(aws.dynamoDb(), table);
        customer = "cust-" + UUID.randomUUID();
        aws.purgeQueues();
    }

    private String body(String hostname, String os, int ipv4) {
        return """
                {"productId": "%s", "billingCycle": "monthly", "hostname": "%s", "os": "%s",
                 "options": {"ipv4": %d, "bandwidthTb": 20}}""".formatted(PRODUCT, hostname, os, ipv4);
    }

    private APIGatewayV2HTTPResponse post(String body, String idempotencyKey) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        if (idempotencyKey != null) {
            headers.put("idempotency-key", idempotencyKey);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("POST /v1/orders").withRawPath("/v1/orders")
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", customer, "email", customer + "@example.test"))
                                        .withScopes(List.of()).build()).build()).build())
                .build();
        return handler.handleRequest(event, InvocationContext.forTest("order-acceptance"));
    }


    private List<Message> drain(String queue) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(queue)).maxNumberOfMessages(10)
                    .messageSystemAttributeNamesWithStrings("All")).messages();
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }

    /** Messages on a queue, visible or not; ElasticMQ's counts are exact, so no need to poll. */
    private int depth(String queue) {
        Map<QueueAttributeName, String> attributes = aws.sqs().getQueueAttributes(b -> b.queueUrl(aws.queueUrl(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    @Test
    void acceptsAnOrderStoresItAndQueuesTheFirstStepAndTheInitialMail() {
        APIGatewayV2HTTPResponse response = post(body("web1.example.com", "debian-12", 2), "key-1");

        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode answer = Json.read(response.getBody(), JsonNode.class);
        String serviceId = answer.get("serviceId").asText();
        assertThat(answer.get("status").asText()).isEqualTo("PENDING");
        assertThat(response.getHeaders()).containsEntry("Location", "/v1/orders/" + answer.get("orderId").asText());
        assertThat(services.findService(serviceId)).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(ServiceStatus.PENDING);
            assertThat(s.options()).containsEntry("ipv4", "2").containsEntry("bandwidthTb", "20");
            assertThat(s.customerId()).isEqualTo(customer);
        });
        assertThat(drain(Manifest.PROVISIONING_QUEUE)).singleElement()
                .satisfies(m -> assertThat(m.body()).contains(serviceId).contains("\"step\":\"begin\""));
        assertThat(drain(Manifest.MAIL_QUEUE)).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("INITIAL_ORDER").contains(customer + "@example.test"));
    }

    @Test
    void sameKeySameBodyAnswersTheSameAndQueuesNothingNew() {
        APIGatewayV2HTTPResponse first = post(body("web1.example.com", "debian-12", 1), "key-2");
        aws.purgeQueues();
        APIGatewayV2HTTPResponse again = post(body("web1.example.com", "debian-12", 1), "key-2");

        assertThat(again.getStatusCode()).isEqualTo(202);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(services.listByCustomer(customer)).hasSize(1);
        assertThat(depth(Manifest.PROVISIONING_QUEUE)).isZero();
    }

    @Test
    void sameKeyDifferentBodyIsRefusedWith422() {
        post(body("web1.example.com", "debian-12", 1), "key-3");
        APIGatewayV2HTTPResponse reused = post(body("web2.example.com", "debian-12", 1), "key-3");

        assertProblem(reused, 422, "Idempotency-Key");
        assertThat(services.listByCustomer(customer)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON           | 400 | body                 | {"productId": "x",
            not an object            | 400 | body                 | [1, 2]
            unknown product          | 400 | productId            | {"productId": "no-such-product", "billingCycle": "monthly", "hostname": "a.example.com", "os": "debian-12"}
            OS not offered           | 400 | os                   | {"productId": "@P", "billingCycle": "monthly", "hostname": "a.example.com", "os": "windows-95"}
            invalid hostname         | 400 | hostname             | {"productId": "@P", "billingCycle": "monthly", "hostname": "-bad_host-", "os": "debian-12"}
            ipv4 above the range     | 400 | options.ipv4         | {"productId": "@P", "billingCycle": "monthly", "hostname": "a.example.com", "os": "debian-12", "options": {"ipv4": 5}}
            ipv4 below the range     | 400 | options.ipv4         | {"productId": "@P", "billingCycle": "monthly", "hostname": "a.example.com", "os": "debian-12", "options": {"ipv4": 0}}
            ipv4 not a number        | 400 | options.ipv4         | {"productId": "@P", "billingCycle": "monthly", "hostname": "a.example.com", "os": "debian-12", "options": {"ipv4": "two"}}
            bandwidth not offered    | 400 | options.bandwidthTb  | {"productId": "@P", "billingCycle": "monthly", "hostname": "a.example.com", "os": "debian-12", "options": {"bandwidthTb": 7}}
            unknown billing cycle    | 400 | billingCycle         | {"productId": "@P", "billingCycle": "weekly", "hostname": "a.example.com", "os": "debian-12"}
            cycle not sold           | 400 | billingCycle         | {"productId": "@P", "billingCycle": "annually", "hostname": "a.example.com", "os": "debian-12"}
            missing hostname         | 400 | hostname             | {"productId": "@P", "billingCycle": "monthly", "os": "debian-12"}
            unknown field            | 400 | colour               | {"productId": "@P", "billingCycle": "monthly", "hostname": "a.example.com", "os": "debian-12", "colour": "red"}
            option not declared      | 400 | options.gpu          | {"productId": "@P", "billingCycle": "monthly", "hostname": "a.example.com", "os": "debian-12", "options": {"gpu": true}}
            option a list            | 400 | options.ipv4         | {"productId": "@P", "billingCycle": "monthly", "hostname": "a.example.com", "os": "debian-12", "options": {"ipv4": [1]}}
            option a huge number     | 400 | options.ipv4         | {"productId": "@P", "billingCycle": "monthly", "hostname": "a.example.com", "os": "debian-12", "options": {"ipv4": 123456789012345678901234567890}}
            options not an object    | 400 | options              | {"productId": "@P", "billingCycle": "monthly", "hostname": "a.example.com", "os": "debian-12", "options": 3}
            """)
    void badInputIsA4xxProblemNamingTheFieldAndWritesNothing(String name, int status, String field, String body) {
        APIGatewayV2HTTPResponse response = post(body.replace("@P", PRODUCT), "key-" + UUID.randomUUID());

        assertProblem(response, status, field);
        assertThat(services.listByCustomer(customer)).isEmpty();
        assertThat(depth(Manifest.PROVISIONING_QUEUE)).isZero();
        assertThat(depth(Manifest.MAIL_QUEUE)).isZero();
    }

    /** Found by HostileBodiesTest: a product id past the table's key size limit was looked up and answered 503. */
    @Test
    void aProductIdOfThousandsOfCharactersIsA400NamingItAndWritesNothing() {
        String body = body("web1.example.com", "debian-12", 1).replace(PRODUCT, "p".repeat(3_000));
        assertProblem(post(body, "key-long-product"), 400, "productId");
        assertThat(services.listByCustomer(customer)).isEmpty();
        assertThat(depth(Manifest.PROVISIONING_QUEUE)).isZero();
    }

    @Test
    void missingIdempotencyKeyIsRefused() {
        assertProblem(post(body("web1.example.com", "debian-12", 1), null), 400, "Idempotency-Key");
        assertThat(services.listByCustomer(customer)).isEmpty();
    }

    @Test
    void bodyOver64KiBIsRefusedWith413() {
        String huge = body("web1.example.com", "debian-12", 1).replace("}}", "}, \"pad\": \"" + "x".repeat(70_000) + "\"}");
        assertProblem(post(huge, "key-big"), 413, "body");
        assertThat(services.listByCustomer(customer)).isEmpty();
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String field) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = Json.read(response.getBody(), JsonNode.class);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).contains(field);
        assertThat(problem.get("errors")).isNotNull();
        assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    }
}
