package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.node.alerts.rules.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the monitor publishes passes the check of the summaries' map; what only a forger
 * would put there does not.
 */
class SummaryCheckTests {

    private static final String KEY = UUID.randomUUID().toString();

    @Test
    void aMembersOwnSummaryWithEverySeverityPasses() {
        MemberSample sample = new MemberSample(Instant.parse("2026-06-13T12:00:00Z"), Duration.ofSeconds(5),
                "127.0.0.1:5701",
                List.of(new MapSample("wedding_data", 10, 4, 2, 2.4, 0.3, 1024, 1 << 20, 5, 0, 0, true),
                        new MapSample("vendor_responses", 0, 0, 0, 0, Double.NaN, 0, 1 << 20, 0, 0, 0, false)),
                0.5, 0, 0, 0, 0);
        Map<String, Severity> worst = Map.of("hit_ratio", Severity.WARNING, "memory", Severity.CRITICAL,
                "partition_loss", Severity.EMERGENCY);

        assertThat(SummaryCheck.problem(KEY, Monitor.summary(sample, worst))).isEmpty();
    }

    @Test
    void anAlertWithoutARuleOrWithALowerCaseSeverityIsNamed() {
        assertThat(SummaryCheck.problem(KEY, summary("=CRITICAL")))
            .hasValue("worstAlerts[0] is '=CRITICAL', must be rule=severity");
        assertThat(SummaryCheck.problem(KEY, summary("memory=critical")))
            .hasValue("worstAlerts[0] is 'memory=critical', must be rule=severity");
    }

    @Test
    void aKeyThatIsNotAMembersUuidIsNamedWithoutItsControlCharacters() {
        assertThat(SummaryCheck.problem("forged\r\nevent=fake", summary()))
            .hasValue("key 'forged??event=fake' is not a member UUID");
        assertThat(SummaryCheck.problem(7, summary())).hasValue("key '7' is not a member UUID");
    }

    @Test
    void aWellFormedSummaryUnderNoCurrentMembersKeyIsNamed() {
        String forged = UUID.randomUUID().toString();

        assertThat(SummaryCheck.problem(KEY, summary(), Set.of(KEY), 0)).isEmpty();
        assertThat(SummaryCheck.problem(forged, summary(), Set.of(KEY), 0))
            .hasValue("key '" + forged + "' is not a current member's UUID");
    }

    @Test
    void aSummaryTakenLaterThanTheLatestAcceptedIsNamed() {
        MemberSummary future = new MemberSummary("127.0.0.1:5701", Long.MAX_VALUE, 1000, 0,
                new String[] { "wedding_data" }, new long[] { 1 }, new long[] { 1 }, new String[0]);

        assertThat(SummaryCheck.problem(KEY, summary(), Set.of(KEY), 5_000)).isEmpty();
        assertThat(SummaryCheck.problem(KEY, future, Set.of(KEY), 5_000))
            .hasValue("atMillis is " + Long.MAX_VALUE + ", later than one sample interval from now");
    }

    @Test
    void tooManyMapsAreRefusedBeforeTheyAreRead() {
        int n = SummaryCheck.MAX_ENTRIES + 1;
        MemberSummary huge = new MemberSummary("127.0.0.1:5701", 0, 0, 0, new String[n], new long[n], new long[n],
                new String[0]);

        assertThat(SummaryCheck.problem(KEY, huge)).hasValue("maps has 257 entries, at most 256");
    }

    @Test
    void aLongValueIsQuotedShort() {
        assertThat(SummaryCheck.quote("x".repeat(100))).isEqualTo("'" + "x".repeat(64) + "...'");
        assertThat(SummaryCheck.quote(null)).isEqualTo("'null'");
    }

    private static MemberSummary summary(String... alerts) {
        return new MemberSummary("127.0.0.1:5701", 0, 0, 0, new String[] { "wedding_data" }, new long[] { 1 },
                new long[] { 1 }, alerts);
    }

}
