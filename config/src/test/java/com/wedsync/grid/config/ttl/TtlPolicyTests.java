package com.wedsync.grid.config.ttl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.catalog.TtlBounds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TtlPolicyTests {

    /** A Wednesday in wedding season, 10:00 UTC. */
    private static final Instant NOW = Instant.parse("2026-06-10T10:00:00Z");

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    private static final Catalog CATALOG = CatalogLoader.loadDefault();

    private final TtlPolicy policy = new TtlPolicy(CATALOG, Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} {1} with no wedding date: {2}")
    @CsvSource(textBlock = """
            WEDDING_DATA,       NORMAL,      PT24H
            WEDDING_DATA,       READ_MOSTLY, PT48H
            WEDDING_DATA,       VOLATILE,    PT6H
            VENDOR_RESPONSES,   NORMAL,      PT1H
            VENDOR_RESPONSES,   READ_MOSTLY, PT2H
            VENDOR_RESPONSES,   VOLATILE,    PT15M
            GUEST_INTERACTIONS, NORMAL,      PT15M
            GUEST_INTERACTIONS, READ_MOSTLY, PT30M
            GUEST_INTERACTIONS, VOLATILE,    PT3M45S
            PHOTO_THUMBNAILS,   NORMAL,      PT6H
            PHOTO_THUMBNAILS,   READ_MOSTLY, PT12H
            PHOTO_THUMBNAILS,   VOLATILE,    PT1H30M
            SYSTEM_CACHE,       NORMAL,      PT10M
            SYSTEM_CACHE,       READ_MOSTLY, PT20M
            SYSTEM_CACHE,       VOLATILE,    PT2M30S
            """)
    void withoutAWeddingDateTheBaseIsScaledByTheHint(DataClass dataClass, AccessHint hint, Duration expected) {
        assertThat(this.policy.ttl(dataClass, Optional.empty(), hint)).isEqualTo(expected);
    }

    @Test
    void aScaledBaseAboveTheMaxIsLoweredToTheMax() {
        TtlPolicy capped = policyWith(Map.of("system_cache.ttl.max", "15m"));

        assertThat(capped.ttl(DataClass.SYSTEM_CACHE, Optional.empty(), AccessHint.READ_MOSTLY))
            .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aScaledBaseBelowTheMinIsRaisedToTheMin() {
        TtlPolicy floored = policyWith(Map.of("system_cache.ttl.min", "5m"));

        assertThat(floored.ttl(DataClass.SYSTEM_CACHE, Optional.empty(), AccessHint.VOLATILE))
            .isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest(name = "{0}, wedding in {1} days: {2}")
    @CsvSource(textBlock = """
            WEDDING_DATA,       0,  PT48H
            WEDDING_DATA,       3,  PT110H
            WEDDING_DATA,       7,  PT206H
            VENDOR_RESPONSES,   0,  PT24H
            VENDOR_RESPONSES,   7,  PT24H
            GUEST_INTERACTIONS, 0,  PT2H
            PHOTO_THUMBNAILS,   0,  PT38H
            PHOTO_THUMBNAILS,   3,  PT110H
            PHOTO_THUMBNAILS,   7,  PT168H
            SYSTEM_CACHE,       3,  PT1H
            """)
    void aWeddingInsideTheWindowLivesUntilTheEndOfTheDayAfterButNoShorterThanTwiceTheBaseCappedAtTheMax(
            DataClass dataClass, int daysAhead, Duration expected) {
        for (AccessHint hint : AccessHint.values()) {
            assertThat(this.policy.ttl(dataClass, Optional.of(TODAY.plusDays(daysAhead)), hint)).as("hint %s", hint)
                .isEqualTo(expected);
        }
    }

    @Test
    void anEntryOfAnUpcomingWeddingExpiresAtMidnightAfterTheDayAfterTheWedding() {
        Duration ttl = this.policy.ttl(DataClass.WEDDING_DATA, Optional.of(LocalDate.of(2026, 6, 13)),
                AccessHint.NORMAL);

        assertThat(NOW.plus(ttl)).isEqualTo(Instant.parse("2026-06-15T00:00:00Z"));
    }

    @Test
    void aWeddingInsideTheWindowIsCappedAtALoweredMax() {
        TtlPolicy capped = policyWith(Map.of("wedding_data.ttl.max", "3d"));

        assertThat(capped.ttl(DataClass.WEDDING_DATA, Optional.of(TODAY.plusDays(3)), AccessHint.NORMAL))
            .isEqualTo(Duration.ofDays(3));
    }

    @ParameterizedTest(name = "wedding in {0} days, {1}: {2}")
    @CsvSource(textBlock = """
            8,   NORMAL,      PT24H
            8,   READ_MOSTLY, PT48H
            8,   VOLATILE,    PT6H
            400, NORMAL,      PT24H
            """)
    void aWeddingBeyondTheWindowGetsTheScaledBase(int daysAhead, AccessHint hint, Duration expected) {
        assertThat(this.policy.ttl(DataClass.WEDDING_DATA, Optional.of(TODAY.plusDays(daysAhead)), hint))
            .isEqualTo(expected);
    }

    @Test
    void aLongerProtectionWindowProtectsALaterWedding() {
        TtlPolicy wider = policyWith(Map.of("protection-window", "10d"));

        assertThat(wider.ttl(DataClass.WEDDING_DATA, Optional.of(TODAY.plusDays(8)), AccessHint.NORMAL))
            .isEqualTo(Duration.ofHours(8 * 24 + 38));
        assertThat(wider.ttl(DataClass.WEDDING_DATA, Optional.of(TODAY.plusDays(11)), AccessHint.NORMAL))
            .isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest(name = "{0}, wedding {1} days ago: {2}")
    @CsvSource(textBlock = """
            WEDDING_DATA,       2,   PT1H
            WEDDING_DATA,       365, PT1H
            VENDOR_RESPONSES,   2,   PT5M
            GUEST_INTERACTIONS, 2,   PT1M
            PHOTO_THUMBNAILS,   3,   PT30M
            SYSTEM_CACHE,       30,  PT1M
            """)
    void aPastWeddingGetsTheMin(DataClass dataClass, int daysAgo, Duration expected) {
        for (AccessHint hint : AccessHint.values()) {
            assertThat(this.policy.ttl(dataClass, Optional.of(TODAY.minusDays(daysAgo)), hint)).as("hint %s", hint)
                .isEqualTo(expected);
        }
    }

    @Test
    void yesterdaysWeddingStillLivesUntilTheEndOfTodaySoTheTtlHasNoCliffAtMidnight() {
        Duration ttl = this.policy.ttl(DataClass.PHOTO_THUMBNAILS, Optional.of(TODAY.minusDays(1)), AccessHint.NORMAL);

        assertThat(NOW.plus(ttl)).isEqualTo(Instant.parse("2026-06-11T00:00:00Z"));
    }

    @Test
    void anUpcomingWeddingNeverExpiresBeforeAnUnprotectedEntryWrittenAtTheSameTime() {
        Duration weddingDay = this.policy.ttl(DataClass.WEDDING_DATA, Optional.of(TODAY), AccessHint.VOLATILE);
        Duration distant = this.policy.ttl(DataClass.WEDDING_DATA, Optional.of(TODAY.plusDays(30)),
                AccessHint.READ_MOSTLY);

        assertThat(weddingDay).isGreaterThanOrEqualTo(distant);
    }

    @Test
    void todayIsTheDateInTheZoneOfTheClock() {
        // 23:30 UTC on 10 June is 11:30 on 11 June in Auckland (UTC+12 in winter)
        Clock auckland = Clock.fixed(Instant.parse("2026-06-10T23:30:00Z"), ZoneId.of("Pacific/Auckland"));
        TtlPolicy policy = new TtlPolicy(CATALOG, auckland);

        assertThat(policy.ttl(DataClass.PHOTO_THUMBNAILS, Optional.of(LocalDate.of(2026, 6, 9)), AccessHint.NORMAL))
            .isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.ttl(DataClass.PHOTO_THUMBNAILS, Optional.of(LocalDate.of(2026, 6, 10)), AccessHint.NORMAL))
            .isEqualTo(Duration.ofHours(12).plusMinutes(30));
        assertThat(policy.ttl(DataClass.PHOTO_THUMBNAILS, Optional.of(LocalDate.of(2026, 6, 11)), AccessHint.NORMAL))
            .isEqualTo(Duration.ofHours(36).plusMinutes(30));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-06-10T00:00:00Z", "2026-06-10T10:00:00Z", "2026-06-10T23:59:59.999Z",
            "2026-12-31T23:59:59Z", "2026-03-29T01:30:00Z" })
    void everyTtlLiesInsideTheBoundsOfItsClass(String instant) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneId.of("Europe/London"));
        TtlPolicy policy = new TtlPolicy(CATALOG, clock);
        LocalDate today = LocalDate.now(clock);
        for (DataClass dataClass : DataClass.values()) {
            TtlBounds bounds = CATALOG.policy(dataClass).ttl();
            for (AccessHint hint : AccessHint.values()) {
                assertThat(policy.ttl(dataClass, Optional.empty(), hint)).isBetween(bounds.min(), bounds.max());
                for (int day = -30; day <= 30; day++) {
                    Duration ttl = policy.ttl(dataClass, Optional.of(today.plusDays(day)), hint);
                    assertThat(ttl).as("%s %s wedding on day %d", dataClass, hint, day)
                        .isBetween(bounds.min(), bounds.max());
                }
            }
        }
    }

    @Test
    void missingArgumentsAreRejectedByName() {
        assertThatNullPointerException().isThrownBy(() -> this.policy.ttl(null, Optional.empty(), AccessHint.NORMAL))
            .withMessage("dataClass");
        assertThatNullPointerException()
            .isThrownBy(() -> this.policy.ttl(DataClass.WEDDING_DATA, null, AccessHint.NORMAL))
            .withMessage("weddingDate");
        assertThatNullPointerException()
            .isThrownBy(() -> this.policy.ttl(DataClass.WEDDING_DATA, Optional.empty(), null))
            .withMessage("hint");
        assertThatNullPointerException().isThrownBy(() -> new TtlPolicy(CATALOG, null)).withMessage("clock");
    }

    private static TtlPolicy policyWith(Map<String, String> overrides) {
        return new TtlPolicy(CatalogLoader.loadDefault(overrides), Clock.fixed(NOW, ZoneOffset.UTC));
    }

}
