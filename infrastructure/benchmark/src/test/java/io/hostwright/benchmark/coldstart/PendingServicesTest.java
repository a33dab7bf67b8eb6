package io.hostwright.benchmark.coldstart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingServicesTest {

    @Test
    void onlyBeginMessagesNeedAService() throws Exception {
        var event = SampleEvent.MAPPER.readTree("""
                {"Records": [
                  {"body": "{\\"serviceId\\": \\"svc_1-run1\\", \\"module\\": \\"tenantos\\", \\"step\\": \\"begin\\", \\"attempt\\": 1}"},
                  {"body": "{\\"serviceId\\": \\"svc_2\\", \\"module\\": \\"tenantos\\", \\"step\\": \\"claim-server\\", \\"attempt\\": 1}"},
                  {"body": "{\\"serviceId\\": \\"svc_3\\", \\"event\\": \\"initial-order\\"}"},
                  {"body": "not json"}]}
                """);

        assertThat(PendingServices.beginServiceIds(event)).containsExactly("svc_1-run1");
    }
}
