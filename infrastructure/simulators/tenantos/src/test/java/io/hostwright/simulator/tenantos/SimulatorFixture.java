package io.hostwright.simulator.tenantos;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh simulator at test pace, and an HTTP client holding its key, for each test. */
abstract class SimulatorFixture {

    protected TenantOsSimulator tenantOs;
    protected Http http;

    @BeforeEach
    void startSimulator() {
        tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests());
        http = new Http(tenantOs);
    }

    @AfterEach
    void stopSimulator() {
        tenantOs.close();
    }
}
