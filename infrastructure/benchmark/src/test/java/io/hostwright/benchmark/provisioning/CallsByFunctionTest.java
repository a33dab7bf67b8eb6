package io.hostwright.benchmark.provisioning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallsByFunctionTest {

    @Test
    void theRuntimesThreadsNameTheirFunction() {
        assertThat(CallsByFunction.functionOf("sqs-provisioning-3")).isEqualTo("provisioning");
        assertThat(CallsByFunction.functionOf("sqs-order-dispatch-sweeper-10")).isEqualTo("order-dispatch-sweeper");
        assertThat(CallsByFunction.functionOf("local-gateway-17")).isEqualTo(CallsByFunction.GATEWAY);
        assertThat(CallsByFunction.functionOf("scheduled-run-1")).isEqualTo("scheduled");
        assertThat(CallsByFunction.functionOf("main")).isNull();
        assertThat(CallsByFunction.functionOf("pool-1-thread-2")).isNull();
    }

    @Test
    void onTheGatewaysThreadsTheHandlerOnTheStackNamesTheFunction() {
        assertThat(CallsByFunction.functionOfHandler("io.hostwright.functions.admin.ApiGatewayServiceAdminRequestHandler"))
                .isEqualTo("service-admin");
        assertThat(CallsByFunction.functionOfHandler(
                "io.hostwright.functions.control.ApiGatewayServerControlRequestHandler$Inner"))
                .isEqualTo("server-control");
        assertThat(CallsByFunction.functionOfHandler("io.hostwright.functions.orders.ApiGatewayPlaceOrderRequestHandler"))
                .isEqualTo("order-acceptance");
        assertThat(CallsByFunction.functionOfHandler("io.hostwright.local.gateway.LocalGateway")).isNull();
    }
}
