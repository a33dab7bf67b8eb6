package io.hostwright.domain.licence;

import io.hostwright.domain.backend.ModuleState;
import io.hostwright.domain.fixtures.InMemoryModuleState;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldLicence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's licence as staff and as its customer read it, from its record in the module state. */
class ServiceLicencesTest {

    private static final Instant AT = Instant.parse("2027-03-10T09:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-04-10T09:00:00Z");
    private static final String PANEL = "BILLmanager 6 Hosting&Cloud";

    private final InMemoryModuleState states = new InMemoryModuleState();
    private final AtomicInteger reads = new AtomicInteger();
    private final ServiceLicences licences = new ServiceLicences(new LicenceRecords(new ModuleState() {
        @Override
        public Map<String, String> load(String serviceId, String module) {
            reads.incrementAndGet();
            return states.load(serviceId, module);
        }

        @Override
        public void save(String serviceId, String module, Map<String, String> state) {
            states.save(serviceId, module, state);
        }
    }));
    private final LicenceRecords records = new LicenceRecords(states);

    private static Service service(ServiceStatus status, boolean withLicence) {
        var product = Samples.dedicated("ded-1", "fake", "srv", Map.of());
        var sold = Samples.sold(product, Map.of());
        return Samples.service("svc_1", "cust-1", withLicence
                ? Samples.withLicence(sold, new SoldLicence("lic", 55382, PANEL)) : sold, status);
    }

    private void record(LicenceRecord.State state, String licenceId, Instant expiresAt, String reason) {
        records.save("svc_1", new LicenceRecord(state, "lic", 55382, PANEL, "198.51.100.7", licenceId, expiresAt, true,
                reason, AT));
    }

    @Test
    void aServiceSoldWithoutALicenceHasNoneAndCostsNoRead() {
        Service plain = service(ServiceStatus.ACTIVE, false);

        assertThat(licences.forStaff(plain)).isEmpty();
        assertThat(licences.forCustomer(plain)).isEmpty();
        assertThat(reads).hasValue(0);
    }

    @Test
    void anActiveLicenceShowsItsIdAndExpiryToBothAndTheDetailsToStaffOnly() {
        record(LicenceRecord.State.ACTIVE, "lic-42", EXPIRES, null);
        Service service = service(ServiceStatus.ACTIVE, true);

        assertThat(licences.forStaff(service)).contains(new ServiceLicences.Shown(PANEL, "active", "lic-42", EXPIRES,
                null, "lic", 55382L, "198.51.100.7", true, AT));
        assertThat(reads).as("one read").hasValue(1);
        assertThat(licences.forCustomer(service)).contains(new ServiceLicences.Shown(PANEL, "active", "lic-42",
                EXPIRES, null, null, null, null, null, null));
    }

    @Test
    void aPendingLicenceTellsStaffWhyAndTheCustomerWhatHappensNext() {
        record(LicenceRecord.State.PENDING, null, null, "not enough funds on the licence account");
        Service service = service(ServiceStatus.ACTIVE, true);

        assertThat(licences.forStaff(service)).hasValueSatisfying(l -> {
            assertThat(l.state()).isEqualTo("pending");
            assertThat(l.reason()).isEqualTo("not enough funds on the licence account");
            assertThat(l.licenceId()).isNull();
        });
        assertThat(licences.forCustomer(service)).contains(new ServiceLicences.Shown(PANEL, "pending", null, null,
                ServiceLicences.CUSTOMER_PENDING, null, null, null, null, null));
    }

    @Test
    void aLicenceNotYetRecordedIsPendingUntilTheServerIsDelivered() {
        Service provisioning = service(ServiceStatus.PROVISIONING, true);

        assertThat(licences.forStaff(provisioning)).hasValueSatisfying(l -> {
            assertThat(l.state()).isEqualTo("pending");
            assertThat(l.panel()).isEqualTo(PANEL);
            assertThat(l.connectionId()).isEqualTo("lic");
            assertThat(l.reason()).isEqualTo("attached once the server is delivered");
        });
        assertThat(licences.forCustomer(provisioning)).contains(new ServiceLicences.Shown(PANEL, "pending", null, null,
                ServiceLicences.CUSTOMER_AWAITING_SERVER, null, null, null, null, null));
        assertThat(licences.forCustomer(service(ServiceStatus.FAILED, true)))
                .hasValueSatisfying(l -> assertThat(l.state()).isEqualTo("returned"));
        assertThat(licences.forStaff(service(ServiceStatus.FAILED, true)))
                .hasValueSatisfying(l -> assertThat(l.reason()).startsWith("never attached"));
    }

    @ParameterizedTest
    @EnumSource(value = LicenceRecord.State.class, names = {"RELEASE_PENDING", "RETURNED"})
    void aLicenceGoneBackToThePoolShowsTheCustomerNothingOfIt(LicenceRecord.State state) {
        record(state, "lic-42", EXPIRES, state == LicenceRecord.State.RELEASE_PENDING ? "server unreachable" : null);
        Service ended = service(ServiceStatus.TERMINATED, true);

        assertThat(licences.forStaff(ended)).hasValueSatisfying(l -> {
            assertThat(l.state()).isEqualTo(state == LicenceRecord.State.RETURNED ? "returned" : "release-pending");
            assertThat(l.licenceId()).isEqualTo("lic-42");
        });
        assertThat(licences.forCustomer(ended)).contains(new ServiceLicences.Shown(PANEL, "returned", null, null,
                ServiceLicences.CUSTOMER_RETURNED, null, null, null, null, null));
    }

    @Test
    void aRecordWithoutItsPanelShowsThePanelSold() {
        records.save("svc_1", LicenceRecord.fromMap(Map.of("state", "ACTIVE", "connectionId", "lic",
                "licenceId", "lic-7")));

        assertThat(licences.forCustomer(service(ServiceStatus.ACTIVE, true)))
                .hasValueSatisfying(l -> assertThat(l.panel()).isEqualTo(PANEL));
    }
}
