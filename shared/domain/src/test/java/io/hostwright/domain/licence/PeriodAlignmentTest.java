package io.hostwright.domain.licence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodAlignmentTest {

    @Test
    void aPeriodTheServerSellsIsBoughtAsItIsAndAnyOtherAsOneMonth() {
        assertThat(PeriodAlignment.NONE.monthsToBuy(1, "vps-m")).isEqualTo(1);
        assertThat(PeriodAlignment.NONE.monthsToBuy(12, "vps-m")).isEqualTo(12);
        assertThat(PeriodAlignment.NONE.monthsToBuy(3, "vps-m")).isEqualTo(1);
        assertThat(PeriodAlignment.NONE.monthsToBuy(24, "vps-m")).isEqualTo(1);
    }

    @Test
    void aRuleReplacesThePeriodAndAProductsOwnRuleComesFirst() {
        PeriodAlignment alignment = new PeriodAlignment(List.of(
                new PeriodAlignment.Rule(1, 12, null),
                new PeriodAlignment.Rule(3, 12, null),
                new PeriodAlignment.Rule(1, 1, "ded-e2388g")));

        assertThat(alignment.monthsToBuy(1, "vps-m")).as("sell monthly while buying yearly").isEqualTo(12);
        assertThat(alignment.monthsToBuy(1, "ded-e2388g")).as("this product's own rule").isEqualTo(1);
        assertThat(alignment.monthsToBuy(3, "ded-e2388g")).isEqualTo(12);
        assertThat(alignment.monthsToBuy(6, "vps-m")).as("no rule: the minimum").isEqualTo(1);
    }

    @Test
    void aRuleBuysOnlyWhatTheServerSells() {
        assertThatThrownBy(() -> new PeriodAlignment.Rule(1, 6, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 or 12");
        assertThatThrownBy(() -> new PeriodAlignment.Rule(0, 1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
