package com.wedsync.grid.loadtest.workload;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The world the wedding workload runs in: how many weddings, how big they are and when
 * they take place.
 * <p>
 * Dates: a share {@code hotShare} of the weddings take place in the first week
 * ({@code origin} to {@code origin + 6 days}), the rest in one of the following
 * {@code horizonWeeks - 1} weeks, uniformly; in every week a wedding falls on the
 * Saturday with probability {@code saturdayShare}, otherwise on another day of that week.
 * Everything is drawn from {@code seed}, so a model always produces the same weddings.
 *
 * @param weddings the number of weddings, at least 1
 * @param vendorsPerWedding vendors per wedding (the {@code vendor:<n>} items), at least 1
 * @param minGuests the fewest guests a wedding has, at least 1
 * @param maxGuests the most guests a wedding has, at least {@code minGuests}; drawn
 * uniformly in between
 * @param photosPerWedding thumbnails per wedding (the {@code photo:<n>} items), at least
 * 1
 * @param systemItems the number of system entries ({@code config:<n>} under the
 * pseudo-wedding {@code system})
 * @param horizonWeeks how many weeks ahead weddings are planned, at least 2
 * @param saturdayShare the share of weddings on a Saturday, in [0, 1]
 * @param hotShare the share of weddings in the first week (upcoming this week), in [0, 1]
 * @param origin today: the first day of the first week
 * @param seed the seed every draw of the model comes from
 */
public record WeddingModel(int weddings, int vendorsPerWedding, int minGuests, int maxGuests, int photosPerWedding,
        int systemItems, int horizonWeeks, double saturdayShare, double hotShare, LocalDate origin, long seed) {

    /** The pseudo-wedding id under which the system entries live. */
    public static final String SYSTEM_WEDDING_ID = "system";

    /** The days a wedding counts as upcoming this week (hot). */
    public static final int HOT_DAYS = 7;

    /** The default number of weddings. */
    public static final int DEFAULT_WEDDINGS = 1_000;

    /**
     * Validates the model.
     * @throws IllegalArgumentException naming the field and the value if one is out of
     * range
     */
    public WeddingModel {
        atLeast("weddings", weddings, 1);
        atLeast("vendorsPerWedding", vendorsPerWedding, 1);
        atLeast("minGuests", minGuests, 1);
        atLeast("maxGuests", maxGuests, minGuests);
        atLeast("photosPerWedding", photosPerWedding, 1);
        atLeast("systemItems", systemItems, 1);
        atLeast("horizonWeeks", horizonWeeks, 2);
        share("saturdayShare", saturdayShare);
        share("hotShare", hotShare);
        if (origin == null) {
            throw new IllegalArgumentException("WeddingModel.origin must not be null");
        }
    }

    /**
     * Returns the default model: 1,000 weddings, 12 vendors, 100–300 guests and 50 photos
     * each, 100 system entries, 26 weeks ahead, 85 % on Saturdays, 10 % this week, seed
     * 42.
     * @param origin today
     * @return the model
     */
    public static WeddingModel defaults(LocalDate origin) {
        return new WeddingModel(DEFAULT_WEDDINGS, 12, 100, 300, 50, 100, 26, 0.85, 0.10, origin, 42L);
    }

    /**
     * Returns the default model as of the clock's today.
     * @param clock the clock
     * @return the model
     */
    public static WeddingModel defaults(Clock clock) {
        return defaults(LocalDate.now(Objects.requireNonNull(clock, "clock")));
    }

    /**
     * Returns a copy with another number of weddings.
     * @param count the number of weddings
     * @return the copy
     */
    public WeddingModel withWeddings(int count) {
        return new WeddingModel(count, this.vendorsPerWedding, this.minGuests, this.maxGuests, this.photosPerWedding,
                this.systemItems, this.horizonWeeks, this.saturdayShare, this.hotShare, this.origin, this.seed);
    }

    /**
     * Returns a copy with another seed.
     * @param newSeed the seed
     * @return the copy
     */
    public WeddingModel withSeed(long newSeed) {
        return new WeddingModel(this.weddings, this.vendorsPerWedding, this.minGuests, this.maxGuests,
                this.photosPerWedding, this.systemItems, this.horizonWeeks, this.saturdayShare, this.hotShare,
                this.origin, newSeed);
    }

    /**
     * Returns the number of weddings that take place in the first week.
     * @return {@code round(hotShare * weddings)}
     */
    public int hotWeddings() {
        return (int) Math.round(this.hotShare * this.weddings);
    }

    /**
     * Draws the weddings of this model, the soonest first (ties by draw order); ids are
     * {@code w-<date>-<nnnn>} with {@code nnnn} the place in this order. The same model
     * always gives the same list.
     * @return the weddings, soonest first
     */
    public List<Wedding> generate() {
        SplittableRandom random = new SplittableRandom(this.seed);
        LocalDate firstSaturday = this.origin.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        int hot = hotWeddings();
        List<Draft> drafts = new ArrayList<>(this.weddings);
        for (int i = 0; i < this.weddings; i++) {
            LocalDate date = (i < hot) ? firstWeekDate(random, firstSaturday) : laterDate(random, firstSaturday);
            int guests = this.minGuests + random.nextInt(this.maxGuests - this.minGuests + 1);
            drafts.add(new Draft(i, date, guests));
        }
        drafts.sort(Comparator.comparing(Draft::date).thenComparingInt(Draft::order));
        List<Wedding> result = new ArrayList<>(this.weddings);
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            result.add(new Wedding(String.format(Locale.ROOT, "w-%s-%04d", draft.date(), i), draft.date(),
                    draft.guests()));
        }
        return List.copyOf(result);
    }

    private LocalDate firstWeekDate(SplittableRandom random, LocalDate firstSaturday) {
        if (random.nextDouble() < this.saturdayShare) {
            return firstSaturday;
        }
        LocalDate date;
        do {
            date = this.origin.plusDays(random.nextInt(HOT_DAYS));
        }
        while (date.equals(firstSaturday));
        return date;
    }

    private LocalDate laterDate(SplittableRandom random, LocalDate firstSaturday) {
        LocalDate saturday = firstSaturday.plusWeeks(1 + random.nextInt(this.horizonWeeks - 1));
        if (random.nextDouble() < this.saturdayShare) {
            return saturday;
        }
        return saturday.plusDays(1 + random.nextInt(6));
    }

    private static void atLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(
                    "WeddingModel." + field + " must be at least " + minimum + ", was " + value);
        }
    }

    private static void share(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException("WeddingModel." + field + " must be in [0, 1], was " + value);
        }
    }

    private record Draft(int order, LocalDate date, int guests) {
    }
}
