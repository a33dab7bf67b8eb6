package io.hostwright.benchmark.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatsTest {

    @Test
    void nearestRankPercentilesOfOneToAHundred() {
        double[] values = IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray(); // unsorted on purpose

        Stats stats = Stats.of(values);

        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.min()).isEqualTo(1);
        assertThat(stats.p50()).isEqualTo(50);
        assertThat(stats.p90()).isEqualTo(90);
        assertThat(stats.p99()).isEqualTo(99);
        assertThat(stats.max()).isEqualTo(100);
        assertThat(stats.mean()).isEqualTo(50.5);
    }

    @Test
    void percentilesAreMeasuredValuesEvenInSmallSamples() {
        double[] ascending = {10, 20, 30, 40, 1000};

        assertThat(Stats.percentile(ascending, 50)).isEqualTo(30);
        assertThat(Stats.percentile(ascending, 90)).isEqualTo(1000);
        assertThat(Stats.percentile(ascending, 99)).isEqualTo(1000);
        assertThat(Stats.percentile(ascending, 20)).isEqualTo(10);
        assertThat(Stats.percentile(ascending, 21)).isEqualTo(20);
    }

    @Test
    void singleValueIsEveryPercentile() {
        Stats stats = Stats.of(new double[] {7});

        assertThat(List.of(stats.min(), stats.p50(), stats.p90(), stats.p99(), stats.max())).containsOnly(7.0);
    }

    @Test
    void medianOfOddAndEvenSamples() {
        assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3);
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Stats.median(List.of())).isNaN();
    }

    @Test
    void emptySampleHasNoFigures() {
        assertThat(Stats.of(new double[0])).isEqualTo(Stats.EMPTY);
        assertThat(Stats.percentile(new double[0], 50)).isNaN();
    }

    @Test
    void refusesPercentilesOutsideTheRange() {
        assertThatThrownBy(() -> Stats.percentile(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(new double[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
