package io.hostwright.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fixed port taken stops the start before anything starts, naming what moves it. */
class PortsInUseTest {

    @Test
    void aSimulatorsPortInUseNamesItsVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> LocalRuntime.start(LocalRuntime.Settings.onFreePorts()
                    .withSimulatorPort("tenantos", taken.getLocalPort())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort() + " (the tenantos simulator's port) is in use")
                    .hasMessageContaining("HOSTWRIGHT_SIMULATOR_TENANTOS_PORT");
        }
    }

    @Test
    void theApiPortInUseNamesTheOptionAndVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> LocalRuntime.start(LocalRuntime.Settings.onFreePorts()
                    .withPort(taken.getLocalPort())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("(the HTTP API's port) is in use")
                    .hasMessageContaining("--port").hasMessageContaining("HOSTWRIGHT_PORT");
        }
    }
}
