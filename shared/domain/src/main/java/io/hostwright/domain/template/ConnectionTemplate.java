package io.hostwright.domain.template;

import io.hostwright.domain.catalog.OsTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One OS template a connection's back-end offers, as the catalog keeps it. Two owners write it, each only their
 * fields, so neither ever undoes the other: the sync owns what the back-end says ({@code upstreamId},
 * {@code upstreamName}, {@code goneSince}); staff own how it is sold ({@code displayName}, {@code sortOrder},
 * {@code tags}, {@code disabledByStaff}).
 *
 * @param templateId      the id orders and reinstalls name ({@code os}); the internal name for templates the sync found
 * @param internalName    the back-end's stable name of it, what the sync matches by (VMmanager:
 *                        {@code <repository>__<template>}; TenantOS: {@code profile-<id>})
 * @param upstreamId      the back-end's id of it, what installs it (TenantOS: the provisioning profile id)
 * @param upstreamName    what the back-end calls it now
 * @param displayName     what staff call it; null: the upstream name
 * @param sortOrder       where order forms list it, lowest first
 * @param tags            staff's tags (BILLmanager links templates to recipes by them)
 * @param disabledByStaff switched off by staff; remembered across syncs, even while the template is gone
 * @param firstSeen       when the sync first found it (or the seed loaded it)
 * @param goneSince       when the sync found it missing upstream; null while the back-end offers it
 */
public record ConnectionTemplate(String connectionId, String templateId, String internalName, String upstreamId,
                                 String upstreamName, String displayName, int sortOrder, List<String> tags,
                                 boolean disabledByStaff, Instant firstSeen, Instant goneSince) {

    public ConnectionTemplate {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(internalName, "internalName");
        Objects.requireNonNull(upstreamId, "upstreamId");
        Objects.requireNonNull(firstSeen, "firstSeen");
        upstreamName = upstreamName == null || upstreamName.isBlank() ? internalName : upstreamName;
        displayName = displayName == null || displayName.isBlank() ? null : displayName;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public TemplateState state() {
        if (goneSince != null) {
            return TemplateState.GONE_UPSTREAM;
        }
        return disabledByStaff ? TemplateState.DISABLED_BY_STAFF : TemplateState.ENABLED;
    }

    /** Orderable: the back-end offers it and staff have not switched it off. */
    public boolean usable() {
        return state() == TemplateState.ENABLED;
    }

    /** The name customers see. */
    public String name() {
        return displayName != null ? displayName : upstreamName;
    }

    public OsTemplate asOsTemplate() {
        return new OsTemplate(templateId, name());
    }

    /** The sync's view changed: the back-end's id and name as it reports them now, offered again. */
    public ConnectionTemplate seenUpstream(String newUpstreamId, String newUpstreamName) {
        return new ConnectionTemplate(connectionId, templateId, internalName, newUpstreamId, newUpstreamName,
                displayName, sortOrder, tags, disabledByStaff, firstSeen, null);
    }

    public ConnectionTemplate gone(Instant at) {
        return new ConnectionTemplate(connectionId, templateId, internalName, upstreamId, upstreamName, displayName,
                sortOrder, tags, disabledByStaff, firstSeen, at);
    }

    /** Staff's fields replaced; what the back-end said is kept. */
    public ConnectionTemplate editedByStaff(String newDisplayName, int newSortOrder, List<String> newTags,
                                            boolean disabled) {
        return new ConnectionTemplate(connectionId, templateId, internalName, upstreamId, upstreamName, newDisplayName,
                newSortOrder, newTags, disabled, firstSeen, goneSince);
    }

    /** Same upstream facts (what the sync compares and writes). */
    public boolean sameUpstream(ConnectionTemplate other) {
        return upstreamId.equals(other.upstreamId) && upstreamName.equals(other.upstreamName)
                && Objects.equals(goneSince, other.goneSince);
    }
}
