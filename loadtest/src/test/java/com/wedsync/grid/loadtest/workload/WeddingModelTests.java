package com.wedsync.grid.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeddingModelTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 6);

    @Test
    void weddingsAreConcentratedOnSaturdaysWithinTheHorizon() {
        List<Wedding> weddings = WeddingModel.defaults(TODAY).generate();

        assertThat(weddings).hasSize(1_000);
        long saturdays = weddings.stream().filter((w) -> w.date().getDayOfWeek() == DayOfWeek.SATURDAY).count();
        assertThat(saturdays).isGreaterThanOrEqualTo(800);
        assertThat(weddings)
            .allSatisfy((w) -> assertThat(w.date()).isAfterOrEqualTo(TODAY).isBefore(TODAY.plusWeeks(27)));
        long distinctSaturdays = weddings.stream()
            .map(Wedding::date)
            .filter((d) -> d.getDayOfWeek() == DayOfWeek.SATURDAY)
            .distinct()
            .count();
        assertThat(distinctSaturdays).isGreaterThanOrEqualTo(20);
    }

    @Test
    void theHotShareTakesPlaceThisWeekAndComesFirst() {
        WeddingModel model = WeddingModel.defaults(TODAY);
        List<Wedding> weddings = model.generate();

        long hot = weddings.stream().filter((w) -> w.isWithin(TODAY, WeddingModel.HOT_DAYS)).count();
        assertThat(hot).isEqualTo(model.hotWeddings()).isEqualTo(100);
        assertThat(weddings.subList(0, 100)).allSatisfy((w) -> assertThat(w.isWithin(TODAY, 7)).isTrue());
        assertThat(weddings).isSortedAccordingTo((a, b) -> a.date().compareTo(b.date()));
    }

    @Test
    void guestCountsAreUniformInTheirRangeAndIdsAreDatedAndUnique() {
        List<Wedding> weddings = WeddingModel.defaults(TODAY).generate();
        assertThat(weddings).allSatisfy((w) -> assertThat(w.guests()).isBetween(100, 300));
        double mean = weddings.stream().mapToInt(Wedding::guests).average().orElseThrow();
        assertThat(mean).isBetween(190.0, 210.0);
        assertThat(weddings).extracting(Wedding::id).doesNotHaveDuplicates();
        assertThat(weddings.get(0).id()).startsWith("w-" + weddings.get(0).date() + "-");
    }

    @Test
    void theSameModelGivesTheSameWeddings() {
        WeddingModel model = WeddingModel
            .defaults(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        assertThat(model.origin()).isEqualTo(TODAY);
        assertThat(model.generate()).isEqualTo(model.generate());
        assertThat(model.withSeed(7).generate()).isNotEqualTo(model.generate());
    }

    @Test
    void invalidSettingsNameTheField() {
        WeddingModel base = WeddingModel.defaults(TODAY);
        assertThatIllegalArgumentException().isThrownBy(() -> base.withWeddings(0))
            .withMessageContaining("weddings")
            .withMessageContaining("0");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new WeddingModel(10, 12, 300, 100, 50, 10, 26, 0.85, 0.1, TODAY, 1))
            .withMessageContaining("maxGuests")
            .withMessageContaining("100");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new WeddingModel(10, 12, 100, 300, 50, 10, 26, 1.5, 0.1, TODAY, 1))
            .withMessageContaining("saturdayShare")
            .withMessageContaining("1.5");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new WeddingModel(10, 12, 100, 300, 50, 10, 26, 0.85, 0.1, null, 1))
            .withMessageContaining("origin");
    }

}
