package io.hostwright.functions.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.domain.order.OrderDispatch;
import io.hostwright.domain.order.SweepUndispatchedOrders;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.domain.operation.SweepUndispatchedOperations;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbStepLedger;
import io.hostwright.domain.step.SweepStalledSteps;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.lambda.telemetry.Telemetry;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsClients;
import io.hostwright.sqs.SqsQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Clock;

/**
 * EventBridge schedule → {@link SweepUndispatchedOrders}, {@link SweepUndispatchedOperations} and
 * {@link SweepStalledSteps}. Fails the invocation when an order or operation still cannot be dispatched, so
 * EventBridge retries and the error alarm fires; a chain of steps sent again {@link SweepStalledSteps#MAX_RESENDS}
 * times without moving is mailed to staff and logged as an error naming its service (and operation).
 */
public final class ScheduledOrderDispatchSweepHandler
        implements RequestHandler<ScheduledEvent, SweepUndispatchedOrders.Result> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledOrderDispatchSweepHandler.class);

    private final SweepUndispatchedOrders sweep;
    private final SweepUndispatchedOperations operations;
    private final SweepStalledSteps stalled;
    private final Telemetry telemetry;

    public ScheduledOrderDispatchSweepHandler() {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        SqsClient sqs = SqsClients.fromEnvironment();
        String table = FunctionEnvironment.require(Manifest.TABLE_VARIABLE);
        DynamoDbOrderRepository orders = new DynamoDbOrderRepository(dynamo, table, clock);
        this.sweep = new SweepUndispatchedOrders(orders,
                new OrderDispatch(orders, SqsQueues.provisioning(sqs), SqsQueues.mail(sqs), clock), clock);
        DynamoDbOperationRepository operationRepository = new DynamoDbOperationRepository(dynamo, table);
        DynamoDbServiceRepository services = new DynamoDbServiceRepository(dynamo, table);
        this.operations = new SweepUndispatchedOperations(operationRepository, services, SqsQueues.lifecycle(sqs),
                clock);
        this.stalled = new SweepStalledSteps(new DynamoDbStepLedger(dynamo, table), services, operationRepository,
                SqsQueues.provisioning(sqs), SqsQueues.lifecycle(sqs), SqsQueues.mail(sqs), clock);
        this.telemetry = new Telemetry();
    }

    public ScheduledOrderDispatchSweepHandler(SweepUndispatchedOrders sweep, SweepUndispatchedOperations operations,
                                              SweepStalledSteps stalled) {
        this.sweep = sweep;
        this.operations = operations;
        this.stalled = stalled;
        this.telemetry = new Telemetry();
    }

    @Override
    public SweepUndispatchedOrders.Result handleRequest(ScheduledEvent event, Context context) {
        return telemetry.invocation(context, () -> {
            SweepUndispatchedOrders.Result result = sweep.sweep();
            SweepUndispatchedOperations.Result ops = operations.sweep();
            SweepStalledSteps.Result chains = stalled.sweep();
            telemetry.metrics().addMetric("StepChainsResent", chains.resent(), MetricUnit.COUNT);
            telemetry.metrics().addMetric("StepChainsGivenUp", chains.givenUp().size(), MetricUnit.COUNT);
            if (chains.resent() > 0) {
                LOG.warn("sent again the follow-up of {} chains of steps that had not moved for {} past its due time",
                        chains.resent(), SweepStalledSteps.GRACE);
            }
            for (var chain : chains.givenUp()) {
                LOG.error("the steps of service {}{} did not move after {} resends of {}; staff were told",
                        chain.serviceId(), chain.operationId() == null ? "" : " (operation " + chain.operationId() + ")",
                        SweepStalledSteps.MAX_RESENDS, chain.followUp().request().step());
            }
            telemetry.metrics().addMetric("OrdersRedispatched", result.dispatched(), MetricUnit.COUNT);
            telemetry.metrics().addMetric("OrdersDispatchFailed", result.failed(), MetricUnit.COUNT);
            telemetry.metrics().addMetric("OperationsRedispatched", ops.dispatched(), MetricUnit.COUNT);
            telemetry.metrics().addMetric("OperationsDispatchFailed", ops.failed(), MetricUnit.COUNT);
            if (ops.dispatched() > 0) {
                LOG.warn("re-dispatched {} operations whose request was interrupted", ops.dispatched());
            }
            if (result.failed() > 0 || ops.failed() > 0) {
                LOG.error("{} orders and {} operations could not be dispatched; they stay for the next sweep",
                        result.failed(), ops.failed());
                throw new IllegalStateException(result.failed() + " orders and " + ops.failed()
                        + " operations could not be dispatched");
            }
            if (result.dispatched() > 0) {
                LOG.warn("re-dispatched {} orders whose acceptance was interrupted", result.dispatched());
            }
            return result;
        });
    }
}
