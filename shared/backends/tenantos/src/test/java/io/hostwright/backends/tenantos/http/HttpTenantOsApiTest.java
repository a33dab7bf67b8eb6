package io.hostwright.backends.tenantos.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.backends.tenantos.InstallStatus;
import io.hostwright.backends.tenantos.IpAssignment;
import io.hostwright.backends.tenantos.PowerAction;
import io.hostwright.backends.tenantos.ProvisioningProfile;
import io.hostwright.backends.tenantos.Subnet;
import io.hostwright.backends.tenantos.SwitchPort;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.backends.tenantos.TenantOsServer;
import io.hostwright.backends.tenantos.TenantOsUser;
import io.hostwright.backends.tenantos.TrafficSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every call of the port against a scripted TenantOS: the request it sends and how the envelope is read. The same
 * calls against the stateful simulator, end to end, are in {@link SimulatorScenariosTest}.
 */
class HttpTenantOsApiTest {

    static final String KEY = "hw-test-key-3f9a";
    static final String SERVER = """
            {"id":101,"hostname":"stock-101","servername":"R1-U12","user_id":null,"owner_realname":"Admin","os":"",
             "servertype":"dedicated","primaryip":"203.0.113.11","tags":["forRent","e2388g"],
             "detailedHardwareInformation":{"cpu":{"model":"Intel Xeon E-2388G"},"memory":{"value":65536}},
             "powerprovider":{"type":"ipmi","supportedFeatures":["setPowerOn","setPowerOff"]},
             "reinstallationRunning":0,"diskwipeRunning":1,"rescueBootRunning":0,"ipassignments":[]}""";
    static final String ASSIGNMENT = """
            {"id":5001,"ip":"203.0.113.11","primary_ip":1,"subnet_id":10,
             "ipAttributes":{"isIpv4":1,"isIpv6":0,"isSubnet":0},
             "subnetinformation":{"cidr":"203.0.113.0/24","subnet":"203.0.113.0","netmask":"255.255.255.0"}}""";

    final FakeTenantOs tenantOs = new FakeTenantOs();
    final HttpTenantOsApi api = new HttpTenantOsApi(tenantOs.baseUrl() + "/", KEY);

    @AfterEach
    void stop() {
        tenantOs.close();
    }

    static JsonNode json(String body) throws Exception {
        return TenantOsHttp.MAPPER.readTree(body);
    }

    @Test
    void findsAUserByEmailIgnoringCaseAndSendsTheBearerKey() {
        tenantOs.result("GET", "/api/users", """
                [{"id":1,"name":"Admin","username":"admin","email":"admin@example.com","role_id":1},
                 {"id":7,"name":"Ada","username":"ada","email":"Ada@Example.com","role_id":3}]""");

        assertThat(api.findUserByEmail("ada@example.COM")).contains(new TenantOsUser(7, "Ada@Example.com", "Ada", 3));
        assertThat(api.findUserByEmail("nobody@example.com")).isEmpty();

        FakeTenantOs.Seen seen = tenantOs.last();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(seen.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void createsAUserWithTheDocumentedBodyKeys() throws Exception {
        tenantOs.result("POST", "/api/users", """
                {"id":8,"name":"bob","username":"bob@example.com","email":"bob@example.com","role_id":3}""");

        TenantOsUser user = api.createUser("bob", "bob@example.com", "bob@example.com", "s3cret-Pw", 3);

        assertThat(user).isEqualTo(new TenantOsUser(8, "bob@example.com", "bob", 3));
        assertThat(tenantOs.last().header("Content-Type")).isEqualTo("application/json");
        assertThat(json(tenantOs.last().body())).isEqualTo(json("""
                {"name":"bob","username":"bob@example.com","password":"s3cret-Pw","email":"bob@example.com","role_id":3}"""));
    }

    @Test
    void readsServersByTagsWithFlagsAndHardware() throws Exception {
        String owned = SERVER.replace("\"id\":101", "\"id\":102").replace("\"user_id\":null", "\"user_id\":7")
                .replace("\"reinstallationRunning\":0", "\"reinstallationRunning\":true")
                .replace("\"diskwipeRunning\":1", "\"diskwipeRunning\":false");
        tenantOs.result("POST", "/api/servers/getByTags", "[" + SERVER + "," + owned + "]");

        List<TenantOsServer> servers = api.serversByTags(List.of("forRent", "e2388g"));

        assertThat(json(tenantOs.last().body())).isEqualTo(json("{\"tags\":[\"forRent\",\"e2388g\"]}"));
        List<String> power = List.of("setPowerOn", "setPowerOff");
        assertThat(servers).containsExactly(
                new TenantOsServer(101, "stock-101", 0, "203.0.113.11", List.of("forRent", "e2388g"), false, true,
                        "Intel Xeon E-2388G", 65536, "", "unknown", power, false, List.of()),
                new TenantOsServer(102, "stock-101", 7, "203.0.113.11", List.of("forRent", "e2388g"), true, false,
                        "Intel Xeon E-2388G", 65536, "", "unknown", power, false, List.of()));
    }

    @Test
    void readsOsPowerRescueAndSuspension() {
        tenantOs.result("GET", "/api/servers/101", SERVER.replace("\"os\":\"\"", "\"os\":\"Debian 12\"")
                .replace("\"servertype\"", "\"powerstatus\":\"off\",\"servertype\"")
                .replace("\"rescueBootRunning\":0", "\"rescueBootRunning\":\"1\",\"suspendUserIds\":[7,\"9\"]"));
        tenantOs.result("GET", "/api/servers/102", SERVER.replace("\"servertype\"", "\"powerstatus\":\"on\",\"servertype\"")
                .replace("\"powerprovider\":{\"type\":\"ipmi\",\"supportedFeatures\":[\"setPowerOn\",\"setPowerOff\"]},",
                        "\"powerprovider\":null,"));
        tenantOs.result("GET", "/api/servers/103", SERVER.replace("\"servertype\"", "\"powerstatus\":\"probably\",\"servertype\""));

        TenantOsServer server = api.server(101);

        assertThat(server.os()).isEqualTo("Debian 12");
        assertThat(server.powerStatus()).isEqualTo("off");
        assertThat(server.powerFeatures()).containsExactly("setPowerOn", "setPowerOff");
        assertThat(server.supports(PowerAction.RESET)).isFalse();
        assertThat(server.rescueBootRunning()).isTrue();
        assertThat(server.suspendedUserIds()).containsExactly(7L, 9L);
        TenantOsServer noProvider = api.server(102);
        assertThat(noProvider.powerStatus()).isEqualTo("on");
        assertThat(noProvider.powerFeatures()).isEmpty();
        assertThat(noProvider.suspendedUserIds()).as("absent: nobody").isEmpty();
        assertThat(api.server(103).powerStatus()).isEqualTo("unknown");
    }

    @Test
    void readsAListThatPhpSentAsAKeyedObject() {
        tenantOs.result("POST", "/api/servers/getByTags", "{\"3\":" + SERVER + "}");

        assertThat(api.serversByTags(List.of("forRent"))).extracting(TenantOsServer::id).containsExactly(101L);
    }

    @Test
    void readsOneServer() {
        tenantOs.result("GET", "/api/servers/101", SERVER);

        assertThat(api.server(101).hostname()).isEqualTo("stock-101");
        assertThat(tenantOs.last().path()).isEqualTo("/api/servers/101");
    }

    @Test
    void updatesOwnerHostnameAndTheWholeTagList() throws Exception {
        tenantOs.result("PUT", "/api/servers/101", SERVER.replace("\"user_id\":null", "\"user_id\":7")
                .replace("stock-101", "web1.example.com"));

        TenantOsServer server = api.updateServer(101, 7, "web1.example.com", List.of("e2388g", "assigned"));

        assertThat(server.ownerUserId()).isEqualTo(7);
        assertThat(server.hostname()).isEqualTo("web1.example.com");
        assertThat(json(tenantOs.last().body())).isEqualTo(json("""
                {"user_id":7,"hostname":"web1.example.com","tags":["e2388g","assigned"]}"""));
    }

    @Test
    void anOwnerOfNobodyIsSentAsNull() throws Exception {
        tenantOs.result("PUT", "/api/servers/101", SERVER);

        assertThat(api.updateServer(101, 0, "stock-101", List.of("forRent")).ownerUserId()).isZero();

        assertThat(json(tenantOs.last().body())).isEqualTo(json("""
                {"user_id":null,"hostname":"stock-101","tags":["forRent"]}"""));
    }

    @Test
    void setsTheSuspendedUsersAlone() throws Exception {
        tenantOs.result("PUT", "/api/servers/101", SERVER);

        api.setSuspendedUsers(101, List.of(7L));
        assertThat(json(tenantOs.last().body())).isEqualTo(json("{\"suspendUserIds\":[7]}"));
        api.setSuspendedUsers(101, List.of());
        assertThat(json(tenantOs.last().body())).isEqualTo(json("{\"suspendUserIds\":[]}"));
    }

    @Test
    void listsTheServersOfAnOwnerAndFiltersThemItself() {
        String mine = SERVER.replace("\"user_id\":null", "\"user_id\":7");
        String other = SERVER.replace("\"id\":101", "\"id\":102").replace("\"user_id\":null", "\"user_id\":8");
        tenantOs.result("GET", "/api/servers", "[" + mine + "," + other + "]");

        assertThat(api.serversOwnedBy(7)).extracting(TenantOsServer::id).containsExactly(101L);

        assertThat(tenantOs.last().path()).isEqualTo("/api/servers");
        assertThat(tenantOs.last().query()).isEqualTo("userId=7");
    }

    @Test
    void deletesAUser() {
        tenantOs.result("DELETE", "/api/users/7", "true");

        api.deleteUser(7);

        assertThat(tenantOs.last().method()).isEqualTo("DELETE");
        assertThat(tenantOs.last().path()).isEqualTo("/api/users/7");
    }

    @Test
    void powersByMethodName() {
        for (PowerAction action : PowerAction.values()) {
            tenantOs.result("GET", "/api/servers/101/power/" + action.method(), "true");
        }

        api.power(101, PowerAction.ON);
        api.power(101, PowerAction.OFF);
        api.power(101, PowerAction.RESET);

        assertThat(tenantOs.seen).extracting(s -> s.method() + " " + s.path()).containsExactly(
                "GET /api/servers/101/power/setPowerOn", "GET /api/servers/101/power/setPowerOff",
                "GET /api/servers/101/power/setPowerReset");
    }

    @Test
    void readsSwitchPortsInEitherShape() {
        tenantOs.result("GET", "/api/servers/101/network/getManageableNetworkPorts", """
                [{"id":1011,"name":"eth0","switch":{"name":"sw-r1"},"manageable":1,"adminStatus":"up"},
                 {"id":"1012","name":"eth1","switch":"sw-r2","manageable":0,"adminStatus":"down"},
                 {"id":1013,"name":"eth2","enabled":false}]""");

        assertThat(api.networkPorts(101)).containsExactly(
                new SwitchPort(1011, "eth0", "sw-r1", true, true),
                new SwitchPort(1012, "eth1", "sw-r2", false, false),
                new SwitchPort(1013, "eth2", "", true, false));
    }

    @Test
    void setsAPortUpOrDownWithoutABody() {
        tenantOs.result("POST", "/api/servers/101/network/ports/1011/disable", "true")
                .result("POST", "/api/servers/101/network/ports/1011/enable", "true");

        api.setPortEnabled(101, 1011, false);
        assertThat(tenantOs.last().path()).isEqualTo("/api/servers/101/network/ports/1011/disable");
        assertThat(tenantOs.last().body()).isEmpty();
        api.setPortEnabled(101, 1011, true);
        assertThat(tenantOs.last().path()).isEqualTo("/api/servers/101/network/ports/1011/enable");
    }

    @Test
    void setsReverseDnsAndReadsItBack() throws Exception {
        tenantOs.result("POST", "/api/servers/101/ipassignments/rdns", "true")
                .result("GET", "/api/servers/101/ipassignments",
                        "[" + ASSIGNMENT.replace("\"primary_ip\":1", "\"primary_ip\":1,\"rdns\":\"mail.example.com\"") + "]");

        api.setReverseDns(101, "203.0.113.11", "mail.example.com");

        assertThat(json(tenantOs.last().body())).isEqualTo(json("{\"ip\":\"203.0.113.11\",\"rdns\":\"mail.example.com\"}"));
        assertThat(api.ipAssignments(101)).containsExactly(
                new IpAssignment(5001, "203.0.113.11", true, true, 10, "mail.example.com"));
    }

    @Test
    void anSsoLinkIsTheTokenLoginPageOfTheBaseUrl() throws Exception {
        tenantOs.result("POST", "/api/users/7/generateSsoToken", "{\"authToken\":\"0a1b2c\"}");

        URI link = api.ssoLink(7, "/servers/101/console", Duration.ofMillis(90_500));

        assertThat(link).isEqualTo(URI.create(tenantOs.baseUrl() + "/tokenLogin/0a1b2c"));
        assertThat(json(tenantOs.last().body())).isEqualTo(json("""
                {"endpoint":"/servers/101/console","validForSeconds":91}"""));
    }

    @Test
    void anSsoAnswerWithoutAUsableTokenIsPermanent() {
        tenantOs.result("POST", "/api/users/7/generateSsoToken", "{\"authToken\":\"../../admin\"}");

        assertThat(catchThrowable(() -> api.ssoLink(7, "/servers", Duration.ofMinutes(5))))
                .isInstanceOf(BackendFailure.Permanent.class).hasMessageContaining("authToken");
    }

    @Test
    void startsAndStopsTheRescueSystem() throws Exception {
        tenantOs.result("POST", "/api/servers/101/provisioning/startRescueSystem", "true")
                .result("GET", "/api/servers/101/provisioning/stopRescueSystem", "true");

        api.startRescue(101, "Rescue-Pw-1");
        assertThat(json(tenantOs.last().body())).isEqualTo(json("{\"rootPassword\":\"Rescue-Pw-1\"}"));
        api.stopRescue(101);
        assertThat(tenantOs.last().method() + " " + tenantOs.last().path())
                .isEqualTo("GET /api/servers/101/provisioning/stopRescueSystem");
    }

    @Test
    void readsNetworkTrafficBetweenEpochSeconds() throws Exception {
        tenantOs.result("POST", "/api/servers/101/stats/network/hourly", """
                [{"timestamp":1740787200,"bytesIn":3600000,"bytesOut":14400000,"packetsIn":3600,"packetsOut":14400},
                 {"timestamp":"1740790800","bytesIn":"0","bytesOut":0}]""");
        Instant from = Instant.parse("2025-03-01T00:00:00Z");

        assertThat(api.networkTraffic(101, "hourly", from, from.plusSeconds(7_200))).containsExactly(
                new TrafficSample(from, 3_600_000, 14_400_000), new TrafficSample(from.plusSeconds(3_600), 0, 0));
        assertThat(json(tenantOs.last().body())).isEqualTo(json("{\"from\":1740787200,\"to\":1740794400}"));
        assertThat(catchThrowable(() -> api.networkTraffic(101, "../users", from, from)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheServerBackWhenThePutAnswersWithoutIt() {
        tenantOs.result("PUT", "/api/servers/101", "true").result("GET", "/api/servers/101", SERVER);

        assertThat(api.updateServer(101, 0, "stock-101", List.of()).id()).isEqualTo(101);
        assertThat(tenantOs.seen).extracting(FakeTenantOs.Seen::method).containsExactly("PUT", "GET");
    }

    @Test
    void readsIpAssignments() {
        String v6 = """
                {"id":5002,"ip":"2001:db8::2","primary_ip":0,"subnet_id":11,"ipAttributes":{"isIpv4":0,"isIpv6":1}}""";
        tenantOs.result("GET", "/api/servers/101/ipassignments", "[" + ASSIGNMENT + "," + v6 + "]");

        assertThat(api.ipAssignments(101)).containsExactly(
                new IpAssignment(5001, "203.0.113.11", true, true, 10),
                new IpAssignment(5002, "2001:db8::2", false, false, 11));
    }

    @Test
    void readsAssignableSubnets() {
        tenantOs.result("GET", "/api/servers/101/ipassignments/getAssignableSubnets", """
                [{"id":10,"cidr":"203.0.113.0/24","gw":"203.0.113.1","isIpv4":1},
                 {"id":11,"cidr":"2001:db8::/64","isIpv4":0}]""");

        assertThat(api.assignableSubnets(101)).containsExactly(
                new Subnet(10, "203.0.113.0/24", true), new Subnet(11, "2001:db8::/64", false));
    }

    @Test
    void readsAssignableIpsOfASubnet() throws Exception {
        tenantOs.result("POST", "/api/servers/101/ipassignments/getAssignableIpsOfSubnet",
                "[\"203.0.113.40\",\"203.0.113.41\"]");

        assertThat(api.assignableIps(101, 10)).containsExactly("203.0.113.40", "203.0.113.41");
        assertThat(json(tenantOs.last().body())).isEqualTo(json("{\"subnetId\":10}"));
    }

    @Test
    void addsAnIpAssignment() throws Exception {
        tenantOs.result("POST", "/api/servers/101/ipassignments", ASSIGNMENT.replace("5001", "5003")
                .replace("203.0.113.11", "203.0.113.40").replace("\"primary_ip\":1", "\"primary_ip\":0"));

        assertThat(api.addIpAssignment(101, 10, "203.0.113.40"))
                .isEqualTo(new IpAssignment(5003, "203.0.113.40", false, true, 10));
        assertThat(json(tenantOs.last().body())).isEqualTo(json("{\"subnetId\":10,\"ip\":\"203.0.113.40\"}"));
    }

    @Test
    void findsTheNewAssignmentWhenTheAddAnswersWithoutIt() {
        tenantOs.result("POST", "/api/servers/101/ipassignments", "true")
                .result("GET", "/api/servers/101/ipassignments", "[" + ASSIGNMENT + "]");

        assertThat(api.addIpAssignment(101, 10, "203.0.113.11").id()).isEqualTo(5001);
    }

    @Test
    void removesAnIpAssignmentAnsweredWithNoContent() {
        tenantOs.raw("DELETE", "/api/servers/101/ipassignments/5003", 204, "");

        api.removeIpAssignment(101, 5003);

        assertThat(tenantOs.last().method()).isEqualTo("DELETE");
        assertThat(tenantOs.last().path()).isEqualTo("/api/servers/101/ipassignments/5003");
    }

    @Test
    void readsProvisioningProfiles() {
        tenantOs.result("GET", "/api/servers/101/provisioning/getProfiles", """
                [{"id":12,"name":"Debian 12 (Bookworm)","tags":["linux"]},{"id":"13","name":"Wipe"}]""");

        assertThat(api.provisioningProfiles(101)).containsExactly(
                new ProvisioningProfile(12, "Debian 12 (Bookworm)", List.of("linux")),
                new ProvisioningProfile(13, "Wipe"));
    }

    @Test
    void readsTheInstallationsPxeProfilesAlsoWhenPhpKeysTheList() {
        tenantOs.result("GET", "/api/pxe/profiles", """
                {"0":{"id":12,"name":"Debian 12 (Bookworm)","tags":["linux"],"osType":"linux"},
                 "1":{"id":"90","name":"Secure disk wipe","tags":["wipe"]},
                 "2":{"id":91,"name":null,"tags":null}}""");

        assertThat(api.pxeProfiles()).containsExactly(
                new ProvisioningProfile(12, "Debian 12 (Bookworm)", List.of("linux")),
                new ProvisioningProfile(90, "Secure disk wipe", List.of("wipe")), new ProvisioningProfile(91, ""));
        assertThat(tenantOs.last().method()).isEqualTo("GET");
        assertThat(tenantOs.last().path()).isEqualTo("/api/pxe/profiles");
    }

    @Test
    void readsProfileTagsSentAsObjectsAndRefusesTagsItCannotRead() {
        tenantOs.result("GET", "/api/pxe/profiles", """
                [{"id":90,"name":"Secure disk wipe","tags":[{"id":3,"name":"wipe"}]}]""")
                .result("GET", "/api/pxe/profiles", """
                [{"id":90,"name":"Secure disk wipe","tags":[{"id":3}]}]""");

        assertThat(api.pxeProfiles()).containsExactly(new ProvisioningProfile(90, "Secure disk wipe", List.of("wipe")));
        assertThat(catchThrowable(api::pxeProfiles)).isInstanceOf(BackendFailure.Permanent.class)
                .hasMessageContaining("profile tag is neither text nor an object with a name");
    }

    @Test
    void startsAReinstallation() throws Exception {
        tenantOs.result("POST", "/api/servers/101/provisioning/startReinstallation", "null");

        api.startReinstallation(101, 12, "web1.example.com", "Root-Pw-1");

        assertThat(json(tenantOs.last().body())).isEqualTo(json("""
                {"profileId":12,"hostname":"web1.example.com","rootPassword":"Root-Pw-1"}"""));
    }

    @Test
    void aDiskWipeLeavesHostnameAndPasswordOut() throws Exception {
        tenantOs.result("POST", "/api/servers/101/provisioning/startReinstallation", "null");

        api.startReinstallation(101, 90, null, null);

        assertThat(json(tenantOs.last().body())).isEqualTo(json("{\"profileId\":90}"));
    }

    @Test
    void readsTheInstallStatus() {
        String path = "/api/servers/101/provisioning/getInstallStatus";
        tenantOs.result("GET", path, "{\"status\":\"running\",\"progress\":40,\"message\":\"Installing packages\"}")
                .result("GET", path, "{\"status\":\"finished\",\"progress\":\"100\",\"message\":\"\"}")
                .result("GET", path, "{\"status\":\"failed\",\"progress\":70,\"message\":\"disk not found\"}")
                .result("GET", path, "{\"status\":\"none\",\"progress\":0,\"message\":\"\"}");

        assertThat(api.installStatus(101)).isEqualTo(new InstallStatus(InstallStatus.State.RUNNING, 40, "Installing packages"));
        assertThat(api.installStatus(101)).isEqualTo(new InstallStatus(InstallStatus.State.FINISHED, 100, ""));
        assertThat(api.installStatus(101)).isEqualTo(new InstallStatus(InstallStatus.State.FAILED, 70, "disk not found"));
        assertThat(api.installStatus(101)).isEqualTo(new InstallStatus(InstallStatus.State.NOT_RUNNING, 0, ""));
    }

    @Test
    void neverShowsTheApiKey() {
        assertThat(api.toString()).doesNotContain(KEY).contains(tenantOs.baseUrl());
        assertThat(new RetryingTenantOsApi(api).toString()).doesNotContain(KEY);
    }

    @Test
    void clockForRetryAfterDates() {
        TenantOsHttp http = new TenantOsHttp(tenantOs.baseUrl(), KEY, Duration.ofSeconds(1), Duration.ofSeconds(1),
                java.time.Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));

        assertThat(http.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(http.retryAfter("Sat, 01 Mar 2025 10:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
        assertThat(http.retryAfter("Sat, 01 Mar 2025 09:00:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(http.retryAfter("soon")).isNull();
    }
}
