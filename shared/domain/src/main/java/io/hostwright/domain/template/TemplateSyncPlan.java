package io.hostwright.domain.template;

import io.hostwright.domain.backend.TemplateSource.UpstreamTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one sync must change on a connection, from its stored templates and what the back-end offers now (seed 001):
 * a template new upstream is added and enabled; one that comes back is offered again; one whose upstream id or name
 * changed is updated, keeping what staff set; one gone upstream is marked gone; everything else is left alone, so a
 * sync that finds no change plans no write. A template staff disabled stays disabled whatever happens upstream.
 *
 * @param added     templates to store (new upstream)
 * @param updated   templates whose upstream facts change: renamed, re-identified, back after being gone, or gone
 * @param unchanged templates that need no write
 * @param refused   upstream templates the catalog cannot sell, each with the reason staff read
 */
public record TemplateSyncPlan(List<ConnectionTemplate> added, List<Update> updated, int unchanged,
                               List<Refusal> refused) {

    /** The sync's fields of one template, before and after. */
    public record Update(ConnectionTemplate before, ConnectionTemplate after) {

        public boolean vanishes() {
            return before.goneSince() == null && after.goneSince() != null;
        }

        public boolean returns() {
            return before.goneSince() != null && after.goneSince() == null;
        }
    }

    public record Refusal(String internalName, String displayName, String reason) {

        /** The template as staff would see it in the catalog, with the back-end's internal name beside it. */
        public String label() {
            return displayName == null || displayName.isBlank() || displayName.equals(internalName) ? internalName
                    : displayName + " (" + internalName + ")";
        }
    }

    /** Spacing of the sort order given to templates found upstream, after the ones already there. */
    static final int SORT_STEP = 10;

    public TemplateSyncPlan {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        refused = List.copyOf(refused);
    }

    public boolean changesNothing() {
        return added.isEmpty() && updated.isEmpty();
    }

    public long removedCount() {
        return updated.stream().filter(Update::vanishes).count();
    }

    public long returnedCount() {
        return updated.stream().filter(Update::returns).count();
    }

    public static TemplateSyncPlan of(String connectionId, List<ConnectionTemplate> stored,
                                      List<UpstreamTemplate> upstream, Instant now) {
        Map<String, ConnectionTemplate> byName = new HashMap<>();
        Set<String> takenIds = new HashSet<>();
        int lastSort = 0;
        for (ConnectionTemplate t : stored) {
            byName.put(t.internalName(), t);
            takenIds.add(t.templateId());
            lastSort = Math.max(lastSort, t.sortOrder());
        }
        List<ConnectionTemplate> added = new ArrayList<>();
        List<Update> updated = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Set<String> offered = new HashSet<>();
        int unchanged = 0;
        for (UpstreamTemplate u : upstream) {
            String problem = problemOf(u);
            if (problem != null) {
                refused.add(new Refusal(String.valueOf(u.name()), u.displayName(), problem));
                continue;
            }
            if (!offered.add(u.name())) {
                refused.add(new Refusal(u.name(), u.displayName(),
                        "the back-end lists it twice; the first one is used"));
                continue;
            }
            ConnectionTemplate known = byName.get(u.name());
            if (known == null) {
                String id = freeId(u, takenIds);
                takenIds.add(id);
                lastSort += SORT_STEP;
                added.add(new ConnectionTemplate(connectionId, id, u.name(), u.upstreamId(), u.displayName(), null,
                        lastSort, List.of(), false, now, null));
                continue;
            }
            ConnectionTemplate seen = known.seenUpstream(u.upstreamId(), u.displayName());
            if (seen.sameUpstream(known)) {
                unchanged++;
            } else {
                updated.add(new Update(known, seen));
            }
        }
        for (ConnectionTemplate t : stored) {
            if (offered.contains(t.internalName())) {
                continue;
            }
            if (t.goneSince() == null) {
                updated.add(new Update(t, t.gone(now)));
            } else {
                unchanged++;
            }
        }
        return new TemplateSyncPlan(added, updated, unchanged, refused);
    }

    /**
     * Why an upstream template cannot be sold, or null. A VMmanager-style internal name is
     * {@code <repository>__<template>}; BILLmanager documents that a hyphen in the repository's name breaks VM
     * creation, so such a template is refused until staff rename the repository.
     */
    static String problemOf(UpstreamTemplate u) {
        if (u.name() == null || u.name().isBlank() || u.upstreamId() == null || u.upstreamId().isBlank()) {
            return "the back-end gave it no name or no id";
        }
        if (u.name().length() > 200 || u.name().chars().anyMatch(Character::isISOControl)) {
            return "its name is not usable as an id (control characters, or longer than 200)";
        }
        int split = u.name().indexOf(UpstreamTemplate.REPOSITORY_SEPARATOR);
        if (split > 0 && u.name().substring(0, split).contains("-")) {
            return "its repository '" + u.name().substring(0, split) + "' has a hyphen in its name, which breaks"
                    + " VM creation (BILLmanager documents this); rename the repository without hyphens";
        }
        return null;
    }

    /** The internal name, unless a template staff loaded under that id is another one upstream. */
    private static String freeId(UpstreamTemplate u, Set<String> taken) {
        String id = u.name();
        for (int n = 2; taken.contains(id); n++) {
            id = u.name() + "-" + n;
        }
        return id;
    }
}
