package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.StockSource;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.hostwright.backends.tenantos.InMemoryServer.finished;
import static io.hostwright.backends.tenantos.InMemoryServer.running;
import static io.hostwright.backends.tenantos.InMemoryTenantOs.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Stock of a TenantOS product: the servers claim-server would take — carrying the match tags and none of the
 * excluded ones, owned by nobody or the stock account, not being installed or wiped.
 */
class TenantOsStockTest {

    final TenantOsWorld world = new TenantOsWorld();
    final InMemoryTenantOs tenantOs = world.tenantOs;
    final StockSource source = world.backend.stock().orElseThrow();

    private InMemoryServer server(long id) {
        return tenantOs.servers.get(id);
    }

    @Test
    void countsTheProductsFreeServersInOneCall() {
        assertThat(world.stock()).isEqualTo(3); // 201–203; 301 is another product's
        assertThat(tenantOs.calls).containsExactly("serversByTags([forRent, ryzen])");
    }

    @Test
    void aServerOwnedByNobodyIsStockAsOneTheStockAccountOwns() {
        server(201).owner = 0;

        assertThat(world.stock()).isEqualTo(3);
    }

    @Test
    void aServerSoldExcludedOrBusyIsNoStock() {
        server(201).owner = tenantOs.addUser("bob@example.test").id();
        assertThat(world.stock()).isEqualTo(2);

        server(202).tags = List.of("forRent", "ryzen", "broken");
        assertThat(world.stock()).isEqualTo(1);

        server(203).busy = true;
        assertThat(world.stock()).isEqualTo(0);
    }

    @Test
    void stockIsWhatOrdersCanClaim() {
        server(202).tags = List.of("forRent", "ryzen", "broken");
        int stock = world.stock();
        List<Long> claimed = new ArrayList<>();

        for (int i = 1; ; i++) {
            Service order = world.order("svc_" + i);
            world.provision(order, "create-user");
            if (!(world.provision(order, "claim-server") instanceof StepOutcome.Next)) {
                break;
            }
            claimed.add(world.state(order).serverId());
            world.provision(order, "assign-server");
        }

        assertThat(claimed).hasSize(stock).containsExactlyInAnyOrder(201L, 203L);
        assertThat(world.stock()).isZero();
    }

    @Test
    void aClaimedServerLeavesStockAndComesBackOnlyOnceWipedAndReturned() {
        Service service = world.active("svc_ada");
        InMemoryServer taken = world.serverOf(service);
        assertThat(world.stock()).isEqualTo(2);

        Operation terminate = world.operation(service, OperationKind.TERMINATE);
        taken.afterNextStart(running(10), running(50), finished("disk wipe finished"));
        StepOutcome wiping = world.operateAll(terminate, service);
        assertThat(wiping).isInstanceOf(StepOutcome.Wait.class);
        assertThat(taken.owner).isEqualTo(TenantOsWorld.STOCK_OWNER);
        assertThat(world.stock()).as("while its disks are wiped").isEqualTo(2);

        StepOutcome returned = world.operateFrom(terminate, "await-wipe", service);
        assertThat(returned).isInstanceOf(StepOutcome.Done.class);
        assertThat(world.stock()).isEqualTo(3);
    }

    @Test
    void aProductSoldElsewhereIsAPermanentFailureAndAsksNothing() {
        Product onAnotherConnection = Samples.dedicated("ryzen-fra2", TenantOsBackend.NAME, "tos-2",
                TenantOsWorld.moduleSettings(TenantOsWorld.WIPING));
        Product ofAnotherBackend = Samples.dedicated("vps-1", "vmmanager", TenantOsWorld.CONNECTION, Map.of());

        assertThat(catchThrowable(() -> source.available(world.connection(), onAnotherConnection)))
                .isInstanceOf(BackendFailure.Permanent.class)
                .hasMessage("product ryzen-fra2 is sold on connection tos-2, not on tos-1");
        assertThat(catchThrowable(() -> source.available(world.connection(), ofAnotherBackend)))
                .isInstanceOf(BackendFailure.Permanent.class)
                .hasMessage("product vps-1 is a vmmanager product, not a TenantOS one");
        assertThat(tenantOs.calls).isEmpty();
    }

    @Test
    void misconfiguredSettingsAreAPermanentFailureNamingTheProblem() {
        Map<String, Object> settings = new LinkedHashMap<>(TenantOsWorld.moduleSettings(TenantOsWorld.WIPING));
        settings.remove("matchTags");
        Product withoutTags = Samples.dedicated(TenantOsWorld.PRODUCT, TenantOsBackend.NAME, TenantOsWorld.CONNECTION,
                settings);
        Connection misconfigured = world.connectionWith(Map.of("stockOwnerUserId", "admin"));

        assertThat(catchThrowable(() -> source.available(world.connection(), withoutTags)))
                .isInstanceOf(BackendFailure.Permanent.class)
                .hasMessageStartingWith("the TenantOS settings of product ryzen-128 are not usable: "
                        + "moduleSettings.matchTags needs at least one tag");
        assertThat(catchThrowable(() -> source.available(misconfigured, world.product)))
                .isInstanceOf(BackendFailure.Permanent.class)
                .hasMessage("TenantOS connection tos-1 is misconfigured: "
                        + "settings.stockOwnerUserId must be a whole number");
        assertThat(tenantOs.calls).isEmpty();
    }

    @Test
    void aTenantOsThatCannotAnswerIsItsFailure() {
        BackendFailure.Transient down = unavailable();
        tenantOs.failNext("serversByTags", down);

        assertThat(catchThrowable(world::stock)).isSameAs(down);
    }
}
