package io.hostwright.simulator.billmanager;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code func=} handlers. Each answers the document to send ({@code {"doc": …}}) or throws a {@link BillError};
 * each runs under the world lock, so a call is all or nothing.
 */
final class Funcs {

    /** A func's handler. */
    @FunctionalInterface
    interface Func {
        Map<String, Object> handle(Params params);
    }

    /** Funcs that need no credentials. */
    static final Set<String> PUBLIC = Set.of("auth");
    static final Set<Integer> PERIODS = Set.of(1, 12);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final World world;
    private final Map<String, Func> funcs = new HashMap<>();

    Funcs(World world) {
        this.world = world;
        funcs.put("auth", this::auth);
        funcs.put("soft", p -> list());
        funcs.put("soft.order.param", this::order);
        funcs.put("service.prolong", this::prolong);
        funcs.put("soft.edit", this::edit);
        funcs.put("soft.newkey", p -> ok(world.regenerateKey(p.id("elid")), true));
        funcs.put("soft.suspend", p -> ok(world.suspend(p.id("elid")), false));
        funcs.put("softexternal.suspend", p -> ok(world.suspend(p.id("elid")), false));
        funcs.put("soft.resume", p -> ok(world.resume(p.id("elid")), false));
        funcs.put("softexternal.resume", p -> ok(world.resume(p.id("elid")), false));
    }

    /** Null for an unknown func. */
    Func get(String func) {
        return funcs.get(func);
    }

    private Map<String, Object> auth(Params p) {
        String session = world.login(p.required("username"), p.required("password"));
        return Json.doc(Json.obj("auth", Json.obj("$id", session, "$", session)));
    }

    private Map<String, Object> list() {
        return Json.doc(Json.obj("elem", world.licences.values().stream().map(this::view).toList()));
    }

    private Map<String, Object> order(Params p) {
        p.expect("sok", "ok");
        p.expect("clicked_button", "finish");
        p.expect("skipbasket", "on");
        String ip = p.ipv4("ip");
        String name = p.name("licname");
        long pricelist = p.id("pricelist");
        int period = p.oneOf("period", PERIODS);
        Integer autoprolong = null;
        String rawAutoprolong = p.get("autoprolong");
        if (rawAutoprolong != null && !Set.of("", "null", "off", "0").contains(rawAutoprolong.trim())) {
            autoprolong = p.oneOf("autoprolong", PERIODS);
        }
        return ok(world.order(name, ip, pricelist, period, autoprolong), true);
    }

    private Map<String, Object> prolong(Params p) {
        long id = p.id("elid");
        int period = p.oneOf("period", PERIODS);
        return ok(world.prolong(id, period), false);
    }

    /** Without {@code sok=ok}: the licence's form (its view and {@code elid}); with it: the change. */
    private Map<String, Object> edit(Params p) {
        long id = p.id("elid");
        if (!p.has("sok")) {
            Map<String, Object> form = new LinkedHashMap<>(Map.of("elid", Json.text(id)));
            form.putAll(view(world.licence(id)));
            return Json.doc(form);
        }
        p.expect("sok", "ok");
        String name = p.has("licname") ? p.name("licname") : null;
        String ip = p.has("ip") ? p.ipv4("ip") : null;
        if (name == null && ip == null) {
            throw BillError.missed("licname");
        }
        return ok(world.edit(id, name, ip), false);
    }

    /** {@code {"doc": {"ok": {}, "id": {"$": "<elid>"}, "key"?: {"$": "<key>"}}}}. */
    private static Map<String, Object> ok(World.LicenceState l, boolean withKey) {
        Map<String, Object> doc = Json.obj("ok", Map.of(), "id", Json.text(l.id));
        if (withKey) {
            doc.put("key", Json.text(l.key));
        }
        return Json.doc(doc);
    }

    /** One licence in the list (and the edit form): every value a {@code {"$": text}} node, absent when null. */
    Map<String, Object> view(World.LicenceState l) {
        Seed.Pricelist pricelist = world.pricelists.get(l.pricelist);
        Map<String, Object> view = new LinkedHashMap<>();
        put(view, "id", l.id);
        put(view, "status", l.status.equals(SimulatedLicence.ACTIVE) ? 2 : 3);
        put(view, "state", l.status);
        put(view, "suspendreason", l.suspendReason);
        put(view, "name", l.name);
        put(view, "ip", l.ip);
        put(view, "key", l.key);
        put(view, "pricelist", l.pricelist);
        put(view, "pricelist_name", pricelist.name());
        put(view, "period", l.period);
        put(view, "autoprolong", l.autoprolong);
        put(view, "createtime", l.createdAt);
        put(view, "expiredate", DATE.format(l.expiresAt));
        put(view, "expiretime", l.expiresAt);
        put(view, "lastipchange", l.lastIpChange);
        put(view, "lastkeychange", l.lastKeyChange);
        put(view, "suspendtime", l.suspendedAt);
        put(view, "deletetime", l.unpaid() ? l.expiresAt.plus(World.DELETE_AFTER) : null);
        return view;
    }

    private static void put(Map<String, Object> view, String name, Object value) {
        if (value != null) {
            view.put(name, Json.text(value));
        }
    }
}
