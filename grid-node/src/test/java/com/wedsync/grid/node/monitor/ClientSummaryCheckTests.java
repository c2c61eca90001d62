package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.config.clients.ClientLatency;
import com.wedsync.grid.config.clients.ClientSummary;
import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ClientSummaryCheckTests {

    private static final String CLIENT = "c0ffee00-0000-4000-8000-000000000001";

    private static final Set<String> CLASSES = Set.of("wedding_data", "vendor_responses");

    private static final long NOW = 1_781_352_000_000L;

    private final ClientSummary good = ClientSummaries.of(CLIENT, NOW, "vendor_responses", 90, 8, 2, 300_000);

    @Test
    void aWellFormedSummaryYieldsItsHistograms() {
        ClientSummaryCheck.Checked checked = check(CLIENT, this.good);

        assertThat(checked.ok()).isTrue();
        assertThat(checked.histograms()).singleElement()
            .satisfies((histogram) -> assertThat(histogram.getTotalCount()).isEqualTo(100));
    }

    @Test
    void aBadKeyOrValueIsNamed() {
        assertThat(check("not a uuid", this.good).problem()).isEqualTo("key 'not a uuid' is not a client UUID");
        assertThat(check(CLIENT, "text").problem()).isEqualTo("value is a java.lang.String, not a ClientSummary");
        assertThat(check(CLIENT.replace('1', '2'), this.good).problem())
            .isEqualTo("client is '" + CLIENT + "', not its key");
    }

    @Test
    void aTimeInTheFutureOrABadIntervalIsNamed() {
        assertThat(check(CLIENT,
                with((s) -> new ClientSummary(s.client(), NOW + 5_001, s.intervalMillis(), s.classes(), s.l1Hits(),
                        s.l2Hits(), s.misses(), s.writes(), s.errors(), s.timeouts(), s.latencies(),
                        s.latencyLengths())))
            .problem())
            .isEqualTo("atMillis is " + (NOW + 5_001) + ", negative or later than one sample interval from now");
        assertThat(check(CLIENT,
                with((s) -> new ClientSummary(s.client(), s.atMillis(), 0, s.classes(), s.l1Hits(), s.l2Hits(),
                        s.misses(), s.writes(), s.errors(), s.timeouts(), s.latencies(), s.latencyLengths())))
            .problem()).isEqualTo("intervalMillis is 0, must be positive");
    }

    @Test
    void unknownOrRepeatedClassesArraysOfOtherLengthsAndNegativeCountsAreNamed() {
        assertThat(check(CLIENT, with((s) -> copy(s, new String[] { "orders" }, s.l1Hits()))).problem())
            .isEqualTo("classes[0] is 'orders', must be a catalog class not repeated");
        assertThat(
                check(CLIENT, with((s) -> copy(s, new String[] { "vendor_responses", "vendor_responses" }, s.l1Hits())))
                    .problem())
            .isEqualTo("classes[1] is 'vendor_responses', must be a catalog class not repeated");
        assertThat(check(CLIENT, with((s) -> copy(s, s.classes(), new long[] { 1, 2 }))).problem())
            .isEqualTo("l1Hits has 2 figures for 1 classes");
        assertThat(check(CLIENT, with((s) -> copy(s, s.classes(), new long[] { -1 }))).problem())
            .isEqualTo("l1Hits[0] is -1, must not be negative");
        assertThat(check(CLIENT, with((s) -> copy(s, null, s.l1Hits()))).problem()).isEqualTo("classes is null");
    }

    @Test
    void histogramsThatDoNotDecodeOrDoNotFitTheirLengthsAreNamed() {
        byte[] broken = this.good.latencies().clone();
        Arrays.fill(broken, 8, broken.length, (byte) 0x5a);
        ClientSummary garbled = latencies(broken, this.good.latencyLengths());
        ClientSummary tooLong = latencies(new byte[ClientLatency.MAX_ENCODED_BYTES + 1],
                new int[] { ClientLatency.MAX_ENCODED_BYTES + 1 });
        ClientSummary misfit = latencies(this.good.latencies(), new int[] { this.good.latencies().length - 1 });

        assertThat(check(CLIENT, garbled).problem())
            .startsWith("latencies of vendor_responses: histogram does not inflate");
        assertThat(check(CLIENT, tooLong).problem()).startsWith("latencyLengths '[40961]' do not divide");
        assertThat(check(CLIENT, misfit).problem()).contains("do not divide the " + this.good.latencies().length);
    }

    private static ClientSummaryCheck.Checked check(Object key, Object value) {
        return ClientSummaryCheck.check(key, value, CLASSES, NOW + 5_000);
    }

    private ClientSummary with(UnaryOperator<ClientSummary> change) {
        return change.apply(this.good);
    }

    private static ClientSummary copy(ClientSummary s, String[] classes, long[] l1Hits) {
        return new ClientSummary(s.client(), s.atMillis(), s.intervalMillis(), classes, l1Hits, s.l2Hits(), s.misses(),
                s.writes(), s.errors(), s.timeouts(), s.latencies(), s.latencyLengths());
    }

    private ClientSummary latencies(byte[] latencies, int[] lengths) {
        ClientSummary s = this.good;
        return new ClientSummary(s.client(), s.atMillis(), s.intervalMillis(), s.classes(), s.l1Hits(), s.l2Hits(),
                s.misses(), s.writes(), s.errors(), s.timeouts(), latencies, lengths);
    }

}
