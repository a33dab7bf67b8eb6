package io.hostwright.functions.licencerenewal;

import io.hostwright.domain.licence.RenewalReport;

import java.util.List;

/** What the function answers: the totals and each connection's report. */
public record LicenceRenewalRun(String runId, int renewed, int failed, int released, List<RenewalReport> reports) {

    static LicenceRenewalRun of(String runId, List<RenewalReport> reports) {
        return new LicenceRenewalRun(runId,
                reports.stream().mapToInt(r -> r.renewed().size()).sum(),
                reports.stream().mapToInt(r -> r.failed().size() + (r.error() == null ? 0 : 1)).sum(),
                reports.stream().mapToInt(RenewalReport::released).sum(), reports);
    }
}
