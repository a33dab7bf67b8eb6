package io.hostwright.hostile;

import io.hostwright.manifest.HttpRoute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.hostwright.hostile.RouteCase.Key.OPTIONAL;
import static io.hostwright.hostile.RouteCase.Key.REQUIRED;

/**
 * Every route of the manifest as a {@link RouteCase} on one fixture. A route added to the manifest and not here
 * fails every property, so no route goes untested.
 */
final class RouteCases {

    private static final String[] ORDER_FORMATTED = {"/productId", "/billingCycle", "/hostname", "/os"};
    /** A choice's value is "a string or a whole number" (ProductReader). */
    private static final String CHOICE_VALUE = "/options/*/choices/*/value";

    private RouteCases() {
    }

    static Map<String, RouteCase> on(Fixture f, Map<String, HttpRoute> manifest) {
        String svc = f.service;
        String reason = "{\"reason\": \"invoice 42 unpaid\"}";
        String order = """
                {"productId": "%s", "billingCycle": "monthly", "hostname": "web1.example.com",
                 "os": "debian-12", "options": %s}""";
        List<RouteCase> partials = List.of(
                c("GET /v1/catalog/products"),
                c("GET /v1/catalog/products/{productId}").path("productId", f.fakeProduct),
                c("GET /v1/orders/{orderId}").path("orderId", f.order),
                c("GET /v1/services"),
                c("GET /v1/services/{serviceId}").path("serviceId", svc),
                c("GET /v1/services/{serviceId}/bandwidth").path("serviceId", svc),

                c("POST /v1/orders").key(REQUIRED)
                        .body(order.formatted(f.fakeProduct, "{\"ipv4\": 2, \"bandwidthTb\": \"20\"}"), ORDER_FORMATTED)
                        .body(order.formatted(f.tenantOsProduct,
                                "{\"ipv4\": 1, \"bandwidthTb\": 50, \"controlPanel\": \"55382\"}"), ORDER_FORMATTED)
                        .body(order.formatted(f.vpsProduct, "{\"bandwidthTb\": \"5\", \"controlPanel\": \"none\"}"),
                                ORDER_FORMATTED)
                        .anyScalar("/options/*"),

                c("GET /v1/admin/services/{serviceId}").path("serviceId", svc),
                c("POST /v1/admin/services/{serviceId}/suspend").path("serviceId", svc).key(OPTIONAL)
                        .body(reason).optionalBody(),
                c("POST /v1/admin/services/{serviceId}/unsuspend").path("serviceId", f.suspendedService)
                        .key(OPTIONAL).body(reason).optionalBody(),
                c("POST /v1/admin/services/{serviceId}/terminate").path("serviceId", svc).key(OPTIONAL)
                        .body(reason).optionalBody(),
                c("POST /v1/admin/services/{serviceId}/renewals").path("serviceId", svc).key(REQUIRED)
                        .body("{\"months\": 12}"),
                c("GET /v1/admin/services/{serviceId}/operations/{operationId}").path("serviceId", f.busyService)
                        .path("operationId", f.operation),
                c("POST /v1/admin/services/{serviceId}/operations/{operationId}/abandon")
                        .path("serviceId", f.busyService).path("operationId", f.operation)
                        .body("{\"reason\": \"stuck upstream\"}").optionalBody(),
                c("GET /v1/admin/usage").query(Map.of("period", "2027-01"), "period", "after", "limit"),
                c("GET /v1/admin/licences").query(Map.of(), "state", "connectionId"),

                c("GET /v1/admin/connections"),
                added(c("POST /v1/admin/connections"), f, f.seedConnections, "connectionId", "/connectionId", "/backend"),
                c("GET /v1/admin/connections/{connectionId}").path("connectionId", f.tenantOsConnection),
                c("PUT /v1/admin/connections/{connectionId}").path("connectionId", f.tenantOsConnection)
                        .ifMatch(f.versions.get(f.tenantOsConnection))
                        .body(f.documents.get(f.tenantOsConnection), "/connectionId", "/backend"),
                c("DELETE /v1/admin/connections/{connectionId}").path("connectionId", f.spareConnection)
                        .ifMatch(f.versions.get(f.spareConnection)),
                c("POST /v1/admin/connections/{connectionId}/test").path("connectionId", f.tenantOsConnection),
                c("GET /v1/admin/connections/{connectionId}/templates").path("connectionId", f.tenantOsConnection),
                c("PUT /v1/admin/connections/{connectionId}/templates/{templateId}")
                        .path("connectionId", f.tenantOsConnection).path("templateId", f.templateId)
                        .body("{\"displayName\": \"Debian 12 (tuned)\", \"sortOrder\": 5, \"tags\": [\"web\"],"
                                + " \"enabled\": true}", "/tags/0"),
                c("POST /v1/admin/connections/{connectionId}/sync").path("connectionId", f.tenantOsConnection),
                c("GET /v1/admin/connections/{connectionId}/sync-runs").path("connectionId", f.tenantOsConnection),
                c("GET /v1/admin/connections/{connectionId}/sync-runs/{runId}")
                        .path("connectionId", f.tenantOsConnection).path("runId", f.syncRun),
                c("GET /v1/admin/products"),
                added(c("POST /v1/admin/products"), f, f.seedProducts, "productId", "/productId", "/connectionId",
                        "/backend", "/type").anyScalar(CHOICE_VALUE),
                c("GET /v1/admin/products/{productId}").path("productId", f.fakeProduct),
                c("PUT /v1/admin/products/{productId}").path("productId", f.tenantOsProduct)
                        .ifMatch(f.versions.get(f.tenantOsProduct))
                        .body(f.documents.get(f.tenantOsProduct), "/productId", "/connectionId", "/backend", "/type")
                        .anyScalar(CHOICE_VALUE),
                c("DELETE /v1/admin/products/{productId}").path("productId", f.spareProduct)
                        .ifMatch(f.versions.get(f.spareProduct)),

                c("GET /v1/services/{serviceId}/server").path("serviceId", svc),
                c("POST /v1/services/{serviceId}/power").path("serviceId", svc).key(REQUIRED)
                        .body("{\"action\": \"reset\"}", "/action"),
                c("POST /v1/services/{serviceId}/reinstall").path("serviceId", svc).key(REQUIRED)
                        .body("{\"osTemplateId\": \"ubuntu-24.04\"}", "/osTemplateId"),
                c("POST /v1/services/{serviceId}/resize").path("serviceId", svc).key(REQUIRED)
                        .body("{\"cpuNumber\": 2, \"ramMib\": 4096, \"diskMib\": 20480}"),
                c("GET /v1/services/{serviceId}/operations/{operationId}").path("serviceId", f.busyService)
                        .path("operationId", f.operation),
                c("POST /v1/services/{serviceId}/rescue").path("serviceId", svc).key(REQUIRED)
                        .body("{\"action\": \"start\"}", "/action"),
                c("POST /v1/services/{serviceId}/console").path("serviceId", svc).key(REQUIRED),
                c("GET /v1/services/{serviceId}/ips").path("serviceId", svc),
                c("PUT /v1/services/{serviceId}/ips/{ip}/reverse-dns").path("serviceId", svc)
                        .path("ip", RecordingServerControl.MAIN_IP).key(REQUIRED)
                        .body("{\"hostname\": \"web1.example.com\"}", "/hostname"),
                c("GET /v1/services/{serviceId}/usage").path("serviceId", svc)
                        .query(Map.of(), "from", "to", "resolution"));

        Map<String, RouteCase> cases = new LinkedHashMap<>();
        for (RouteCase partial : partials) {
            HttpRoute route = manifest.get(partial.routeKey());
            if (route == null) {
                throw new IllegalStateException(partial.routeKey() + " is not a route of the manifest any more");
            }
            cases.put(partial.routeKey(), partial.withAccess(route.access()));
        }
        Set<String> missing = new TreeSet<>(manifest.keySet());
        missing.removeAll(cases.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("routes of the manifest without a case here (add them to RouteCases): "
                    + missing);
        }
        return cases;
    }

    /** One document per seed connection or product, each under a new id: every back-end checks its own. */
    private static RouteCase added(RouteCase route, Fixture f, List<String> seeds, String idField,
                                   String... formatted) {
        RouteCase with = route;
        for (int i = 0; i < seeds.size(); i++) {
            with = with.body(f.documents.get(seeds.get(i)).deepCopy().put(idField, f.prefix + "-new-" + i), formatted);
        }
        return with;
    }

    /** A case; the manifest says who may call it. */
    private static RouteCase c(String routeKey) {
        return RouteCase.of(routeKey, null);
    }
}
