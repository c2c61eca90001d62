package com.wedsync.grid.config.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTests {

    @ParameterizedTest
    @CsvSource(textBlock = """
            500ms,     500
            45s,       45000
            30m,       1800000
            24h,       86400000
            7d,        604800000
            0s,        0
            ' 15M ',   900000
            PT1H,      3600000
            PT1M30S,   90000
            P2D,       172800000
            """)
    void parsesShortAndIsoForms(String text, long millis) {
        assertThat(Durations.parse("ttl.base", text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\t" })
    void aBlankValueIsRejectedNamingTheField(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("near-cache.ttl", text))
            .withMessage("near-cache.ttl is empty; expected a duration such as 30s, 15m, 24h or 7d");
    }

    @ParameterizedTest
    @ValueSource(strings = { "soon", "15", "1.5h", "-5m", "5 m", "3w", "PT", "h1" })
    void garbageIsRejectedNamingTheFieldAndTheValue(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("ttl.max", text))
            .withMessage("ttl.max (" + text + ") is not a duration; expected a form such as 30s, 15m, 24h or 7d");
    }

    @ParameterizedTest
    @ValueSource(strings = { "99999999999999999999s", "9999999999999999d" })
    void aNumberTooLargeForADurationIsRejectedNamingTheFieldAndTheValue(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("ttl.max", text))
            .withMessage("ttl.max (" + text + ") is not a duration; expected a form such as 30s, 15m, 24h or 7d");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            500,        500ms
            1500,       1500ms
            0,          0s
            45000,      45s
            90000,      90s
            1800000,    30m
            5400000,    90m
            86400000,   1d
            90000000,   25h
            604800000,  7d
            -300000,    -5m
            """)
    void formatsInTheLargestWholeUnit(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, 1, 999, 1000, 61_000, 3_600_000, 3_660_000, 86_400_000, 1_209_600_000L })
    void formatThenParseGivesTheSameDuration(long millis) {
        Duration duration = Duration.ofMillis(millis);

        assertThat(Durations.parse("x", Durations.format(duration))).isEqualTo(duration);
    }

    @Test
    void parseThenFormatGivesTheCanonicalShortForm() {
        assertThat(Durations.format(Durations.parse("x", "PT24H"))).isEqualTo("1d");
        assertThat(Durations.format(Durations.parse("x", "120m"))).isEqualTo("2h");
    }

}
