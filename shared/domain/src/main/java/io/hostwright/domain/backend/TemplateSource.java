package io.hostwright.domain.backend;

import io.hostwright.domain.catalog.Connection;

import java.util.List;

/** A back-end's OS templates as one connection offers them now: what the hourly template sync reads. */
public interface TemplateSource {

    /**
     * One OS template as the back-end offers it.
     *
     * @param upstreamId  the back-end's id of it (TenantOS: the provisioning profile id), what installs it
     * @param name        its internal name, stable across renames (VMmanager: {@code <repository>__<template>})
     * @param displayName what the back-end calls it, the display name until staff give it another
     */
    record UpstreamTemplate(String upstreamId, String name, String displayName) {

        /** Between repository and template in a VMmanager-style internal name. */
        public static final String REPOSITORY_SEPARATOR = "__";

        /** A template of a repository (VMmanager): its internal name is {@code <repository>__<template>}. */
        public static UpstreamTemplate inRepository(String upstreamId, String repository, String template,
                                                    String displayName) {
            return new UpstreamTemplate(upstreamId, repository + REPOSITORY_SEPARATOR + template, displayName);
        }
    }

    /** @throws BackendFailure when the back-end cannot be asked */
    List<UpstreamTemplate> templates(Connection connection);
}
