package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.TemplateSource;
import io.hostwright.domain.catalog.Connection;

import java.util.List;

/**
 * One OS template per active VMmanager OS, named {@code <repository>__<template>} as BILLmanager names them (a
 * repository's hyphen becomes a space there and breaks creation, so names are kept exactly as VMmanager spells
 * them); the upstream id is the OS id a host is created with.
 */
final class VmTemplates implements TemplateSource {

    private final VmManagerApis apis;

    VmTemplates(VmManagerApis apis) {
        this.apis = apis;
    }

    @Override
    public List<UpstreamTemplate> templates(Connection stored) {
        VmConnection connection;
        try {
            connection = VmContext.connection(stored);
        } catch (VmContext.Unresolvable unresolvable) {
            throw VmContext.unusable(unresolvable);
        }
        try {
            return apis.of(connection.connectionId(), connection.baseUrl(), connection.secretRef()).osTemplates()
                    .stream()
                    .filter(os -> "active".equals(os.state()))
                    .map(os -> UpstreamTemplate.inRepository(Long.toString(os.id()),
                            os.repository().isBlank() ? "local" : os.repository(), os.name(), os.name()))
                    .toList();
        } catch (IllegalArgumentException unusable) {
            throw new BackendFailure.Permanent(unusable.getMessage(), 0, unusable);
        }
    }
}
