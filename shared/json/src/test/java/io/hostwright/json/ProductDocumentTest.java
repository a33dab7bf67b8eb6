package io.hostwright.json;

import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.BooleanOption;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Violation;
import io.hostwright.json.catalog.ProductReader;
import io.hostwright.json.catalog.ProductWriter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What staff read from the catalog API is what they can send back: the document round-trips without loss. */
class ProductDocumentTest {

    private static final Product PRODUCT = new Product("vps-s", "VPS S", "2 vCPU", ServiceType.VPS, "vmmanager", "vm1",
            "noc@example.test", List.of(new OsTemplate("debian-12", "Debian 12")),
            List.of(new IntegerOption("ramMb", "RAM", 1024, 8192, 1024, 2048, new Price("EUR", 300)),
                    new ChoiceOption("panel", "Panel", List.of(new ChoiceOption.Choice("none", null, null),
                            new ChoiceOption.Choice("55382", "BILLmanager", new Price("EUR", 1500))), "none"),
                    new BooleanOption("backup", "Backups", true, new Price("EUR", 100))),
            Map.of(BillingCycle.MONTHLY, new Price("EUR", 900), BillingCycle.ANNUALLY, new Price("EUR", 9900)),
            Map.of("cluster", 1, "tags", List.of("a", "b"), "nested", Map.of("x", true)), false, 7, 3,
            List.of("ISPsystem__CentOS 7"), new BandwidthPolicy(BandwidthPolicy.Metering.GREATER, 75,
            BandwidthPolicy.OveruseAction.BILL, new Price("EUR", 250), 20L));

    @Test
    void aWrittenProductReadsBackEqual() {
        assertThat(ProductReader.read(ProductWriter.write(PRODUCT), "")).isEqualTo(PRODUCT);
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        var doc = ProductWriter.write(PRODUCT);
        doc.put("type", "mainframe");
        doc.put("sortOrder", "first");
        doc.with("prices").with("monthly").put("amountMinor", -1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.withArray("options").get(0)).put("kind", "colour");
        doc.put("colour", "red");

        assertThatThrownBy(() -> ProductReader.read(doc, "")).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("type",
                        "sortOrder", "prices.monthly.amountMinor", "options[0].kind", "colour"));
    }

    /** Found by HostileBodiesTest: a product id of a few thousand letters passed and broke the table's key limit (503). */
    @Test
    void idsAreAtMost63Characters() {
        var doc = ProductWriter.write(PRODUCT);
        doc.put("productId", "a".repeat(63));
        assertThat(ProductReader.read(doc, "").productId()).hasSize(63);

        doc.put("productId", "a".repeat(64));
        doc.put("connectionId", "b".repeat(3000));
        assertThatThrownBy(() -> ProductReader.read(doc, "")).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactlyInAnyOrder("productId", "connectionId"));
    }
}
