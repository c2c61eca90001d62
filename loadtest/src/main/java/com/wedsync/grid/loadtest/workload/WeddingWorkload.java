package com.wedsync.grid.loadtest.workload;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * The wedding workload: draws a class and a type by the {@link OperationMix}, a wedding
 * by popularity (by default Zipfian over the weddings sorted soonest first, so this
 * week's weddings are the hot ones), then an item within it.
 * <p>
 * Keys: every entry of a wedding has the wedding id as {@link WeddingKey#weddingId()};
 * the items are {@code timeline}, {@code details}, {@code schedule}, {@code seating}
 * (wedding data), {@code vendor:<n>} (vendor responses), {@code guest:<n>} (guest
 * interactions, RSVPs), {@code photo:<n>} (thumbnails); the system cache lives under the
 * pseudo-wedding {@value WeddingModel#SYSTEM_WEDDING_ID} as {@code config:<n>}. The key
 * space is finite ({@link #forEachKey}). Writes carry a value from a small pre-generated
 * pool per class, so an operation allocates only its key and the {@link Operation}.
 * <p>
 * Immutable after construction: thread-safe, each thread passes its own random.
 */
public final class WeddingWorkload implements FiniteWorkload {

    /** The items of wedding data, one of each per wedding. */
    public static final List<String> WEDDING_ITEMS = List.of("timeline", "details", "schedule", "seating");

    private final WeddingModel model;

    private final WeddingTraffic traffic;

    private final List<Wedding> weddings;

    private final String[] weddingIds;

    private final int[] guestCounts;

    private final Map<String, LocalDate> datesById;

    private final String[] weddingItems;

    private final String[] vendorItems;

    private final String[] guestItems;

    private final String[] photoItems;

    private final String[] systemItems;

    private final KeyChooser weddingChooser;

    private final KeyChooser[] itemChoosers;

    private final Map<DataClass, ValuePool> pools;

    private final double[] slotBounds;

    private final DataClass[] slotClasses;

    private final OpType[] slotTypes;

    /**
     * Builds the workload: draws the weddings, names the items, generates the value
     * pools.
     * @param model the weddings
     * @param traffic how they are used
     */
    public WeddingWorkload(WeddingModel model, WeddingTraffic traffic) {
        this.model = model;
        this.traffic = traffic;
        this.weddings = model.generate();
        this.weddingIds = new String[this.weddings.size()];
        this.guestCounts = new int[this.weddings.size()];
        this.datesById = new HashMap<>(this.weddings.size() * 2);
        for (int i = 0; i < this.weddingIds.length; i++) {
            Wedding wedding = this.weddings.get(i);
            this.weddingIds[i] = wedding.id();
            this.guestCounts[i] = wedding.guests();
            this.datesById.put(wedding.id(), wedding.date());
        }
        this.weddingItems = WEDDING_ITEMS.toArray(String[]::new);
        this.vendorItems = names("vendor:", model.vendorsPerWedding());
        this.guestItems = names("guest:", model.maxGuests());
        this.photoItems = names("photo:", model.photosPerWedding());
        this.systemItems = names("config:", model.systemItems());
        this.weddingChooser = traffic.weddings().chooser(this.weddingIds.length, traffic.theta());
        this.itemChoosers = itemChoosers();
        this.pools = new EnumMap<>(DataClass.class);
        for (DataClass dataClass : DataClass.values()) {
            this.pools.put(dataClass, ValuePool.generate(traffic.values().get(dataClass), traffic.poolSize(),
                    model.seed() * 31 + dataClass.ordinal()));
        }
        int slots = DataClass.values().length * OpType.values().length;
        double[] bounds = new double[slots];
        DataClass[] classes = new DataClass[slots];
        OpType[] types = new OpType[slots];
        int used = 0;
        double cumulative = 0.0;
        for (DataClass dataClass : DataClass.values()) {
            for (OpType type : OpType.values()) {
                double probability = traffic.mix().probability(dataClass, type);
                if (probability > 0.0) {
                    cumulative += probability;
                    bounds[used] = cumulative;
                    classes[used] = dataClass;
                    types[used] = type;
                    used++;
                }
            }
        }
        this.slotBounds = Arrays.copyOf(bounds, used);
        this.slotClasses = Arrays.copyOf(classes, used);
        this.slotTypes = Arrays.copyOf(types, used);
    }

    /**
     * Builds the default workload (1,000 weddings, 95/5, Zipfian) as of a day.
     * @param origin today
     * @return the workload
     */
    public static WeddingWorkload defaults(LocalDate origin) {
        return new WeddingWorkload(WeddingModel.defaults(origin), WeddingTraffic.defaults());
    }

    @Override
    public Operation next(SplittableRandom random) {
        int slot = slot(random.nextDouble());
        DataClass dataClass = this.slotClasses[slot];
        OpType type = this.slotTypes[slot];
        WeddingKey key = nextKey(dataClass, random);
        return new Operation(type, dataClass, key,
                (type == OpType.PUT) ? this.pools.get(dataClass).pick(random) : null);
    }

    /**
     * Draws a key of a class: a wedding by popularity, then an item within it.
     * @param dataClass the class
     * @param random the calling thread's random
     * @return the key, within the enumerable key space
     */
    public WeddingKey nextKey(DataClass dataClass, SplittableRandom random) {
        if (dataClass == DataClass.SYSTEM_CACHE) {
            return new WeddingKey(WeddingModel.SYSTEM_WEDDING_ID,
                    this.systemItems[item(this.systemItems.length, random)]);
        }
        int wedding = (int) this.weddingChooser.next(random);
        String id = this.weddingIds[wedding];
        return switch (dataClass) {
            case WEDDING_DATA -> new WeddingKey(id, this.weddingItems[item(this.weddingItems.length, random)]);
            case VENDOR_RESPONSES -> new WeddingKey(id, this.vendorItems[item(this.vendorItems.length, random)]);
            case GUEST_INTERACTIONS -> new WeddingKey(id, this.guestItems[item(this.guestCounts[wedding], random)]);
            case PHOTO_THUMBNAILS -> new WeddingKey(id, this.photoItems[item(this.photoItems.length, random)]);
            case SYSTEM_CACHE -> throw new AssertionError("handled above");
        };
    }

    @Override
    public void forEachKey(BiConsumer<DataClass, WeddingKey> action) {
        for (DataClass dataClass : DataClass.values()) {
            if (dataClass == DataClass.SYSTEM_CACHE) {
                for (String item : this.systemItems) {
                    action.accept(dataClass, new WeddingKey(WeddingModel.SYSTEM_WEDDING_ID, item));
                }
                continue;
            }
            String[] items = itemsOf(dataClass);
            for (int wedding = 0; wedding < this.weddingIds.length; wedding++) {
                int count = (dataClass == DataClass.GUEST_INTERACTIONS) ? this.guestCounts[wedding] : items.length;
                for (int i = 0; i < count; i++) {
                    action.accept(dataClass, new WeddingKey(this.weddingIds[wedding], items[i]));
                }
            }
        }
    }

    @Override
    public long keyCount(DataClass dataClass) {
        return switch (dataClass) {
            case SYSTEM_CACHE -> this.systemItems.length;
            case GUEST_INTERACTIONS -> {
                long guests = 0;
                for (int count : this.guestCounts) {
                    guests += count;
                }
                yield guests;
            }
            default -> (long) itemsOf(dataClass).length * this.weddingIds.length;
        };
    }

    @Override
    public byte[] valueFor(DataClass dataClass, SplittableRandom random) {
        return this.pools.get(dataClass).pick(random);
    }

    /**
     * Returns the date of the wedding a key belongs to, for the TTL policy.
     * @param key a key of this workload
     * @return the wedding's date, or empty for the system entries and unknown weddings
     */
    public Optional<LocalDate> weddingDate(WeddingKey key) {
        return Optional.ofNullable(this.datesById.get(key.weddingId()));
    }

    /**
     * Returns the weddings, soonest first (the order of Zipfian popularity).
     * @return the weddings
     */
    public List<Wedding> weddings() {
        return this.weddings;
    }

    /**
     * Returns the model the workload was built from.
     * @return the model
     */
    public WeddingModel model() {
        return this.model;
    }

    /**
     * Returns the traffic settings the workload was built from.
     * @return the settings
     */
    public WeddingTraffic traffic() {
        return this.traffic;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT,
                "wedding mix: %d weddings (%d this week), %d vendors, %d-%d guests,"
                        + " %d photos, %d system entries; weddings %s, items %s, theta %.2f; reads %.1f %%",
                this.model.weddings(), this.model.hotWeddings(), this.model.vendorsPerWedding(), this.model.minGuests(),
                this.model.maxGuests(), this.model.photosPerWedding(), this.model.systemItems(),
                this.traffic.weddings().id(), this.traffic.items().id(), this.traffic.theta(),
                100.0 * this.traffic.mix().probability(OpType.GET));
    }

    private int slot(double u) {
        for (int i = 0; i < this.slotBounds.length - 1; i++) {
            if (u < this.slotBounds[i]) {
                return i;
            }
        }
        return this.slotBounds.length - 1;
    }

    private int item(int count, SplittableRandom random) {
        return (int) this.itemChoosers[count].next(random);
    }

    private String[] itemsOf(DataClass dataClass) {
        return switch (dataClass) {
            case WEDDING_DATA -> this.weddingItems;
            case VENDOR_RESPONSES -> this.vendorItems;
            case GUEST_INTERACTIONS -> this.guestItems;
            case PHOTO_THUMBNAILS -> this.photoItems;
            case SYSTEM_CACHE -> this.systemItems;
        };
    }

    /** One shared chooser per distinct item count (guest counts vary per wedding). */
    private KeyChooser[] itemChoosers() {
        int max = Math.max(Math.max(this.weddingItems.length, this.vendorItems.length),
                Math.max(Math.max(this.guestItems.length, this.photoItems.length), this.systemItems.length));
        KeyChooser[] choosers = new KeyChooser[max + 1];
        List<Integer> counts = new ArrayList<>(List.of(this.weddingItems.length, this.vendorItems.length,
                this.photoItems.length, this.systemItems.length));
        for (int count : this.guestCounts) {
            counts.add(count);
        }
        for (int count : counts) {
            if (choosers[count] == null) {
                choosers[count] = this.traffic.items().chooser(count, this.traffic.theta());
            }
        }
        return choosers;
    }

    private static String[] names(String prefix, int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = prefix + i;
        }
        return names;
    }

}
