package com.wedsync.grid.loadtest.workload;

import com.wedsync.grid.config.catalog.DataClass;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A workload described in text, as the CLI's {@code --workload} takes it:
 * {@code key=value} pairs separated by {@code ;}, field names case-insensitive. An empty
 * spec is the default wedding mix.
 * <p>
 * The wedding mix ({@code mix=wedding}, the default): {@code weddings}, {@code vendors},
 * {@code guests} ({@code 100-300} or one number), {@code photos}, {@code systemItems},
 * {@code weeks}, {@code saturdays} and {@code hot} (shares of weddings on Saturdays and
 * this week), {@code reads} (share of reads in every class), {@code reads.<class>},
 * {@code weight.<class>}, {@code theta}, {@code popularity} and {@code items} (key
 * distributions of weddings and of items within one: {@code uniform}, {@code zipfian},
 * {@code scrambled}, {@code latest}), {@code size.<class>} (bytes, {@code 4k-16k} or one
 * size), {@code pool}, {@code seed}. For example
 * {@code mix=wedding;reads=0.95;weddings=1000;theta=0.99}.
 * <p>
 * A YCSB core workload ({@code ycsb=A|B|C|D|F}): {@code records}, {@code valueSize},
 * {@code class}, {@code distribution}, {@code theta}, {@code reads}, {@code seed}. For
 * example {@code ycsb=B;records=100000;valueSize=1024}.
 * <p>
 * Every error names the field and the value. Values are checked when the spec is parsed,
 * not when it is used.
 *
 * @param kind which workload the spec describes
 * @param fields the fields as given, by canonical name, in the order given
 */
public record WorkloadSpec(Kind kind, Map<String, String> fields) {

    /** Which workload a spec describes. */
    public enum Kind {

        /** The wedding mix ({@link WeddingWorkload}). */
        WEDDING,
        /** A YCSB core workload ({@link YcsbWorkload}). */
        YCSB

    }

    private static final List<String> WEDDING_FIELDS = List.of("mix", "weddings", "vendors", "guests", "photos",
            "systemItems", "weeks", "saturdays", "hot", "reads", "theta", "popularity", "items", "pool", "seed");

    private static final List<String> WEDDING_PREFIXES = List.of("reads.", "weight.", "size.");

    private static final List<String> YCSB_FIELDS = List.of("mix", "ycsb", "records", "valueSize", "class",
            "distribution", "theta", "reads", "seed");

    private static final LocalDate VALIDATION_ORIGIN = LocalDate.of(2000, 1, 1);

    /**
     * Validates the spec: every field known for its kind, every value in range.
     * @throws IllegalArgumentException naming the field and the value if one is unknown
     * or invalid
     */
    public WorkloadSpec {
        Objects.requireNonNull(kind, "kind");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
        if (kind == Kind.WEDDING) {
            weddingModel(kind, fields, VALIDATION_ORIGIN);
            weddingTraffic(kind, fields);
        }
        else {
            ycsbSettings(kind, fields);
        }
    }

    /**
     * Parses a spec such as {@code mix=wedding;reads=0.95;weddings=1000;theta=0.99} or
     * {@code ycsb=B;records=100000;valueSize=1024}.
     * @param text the spec; blank means the default wedding mix
     * @return the spec
     * @throws IllegalArgumentException naming the field and the value if a part is
     * malformed, unknown or invalid
     */
    public static WorkloadSpec parse(String text) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String part : (text == null ? "" : text).split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("workload spec: '" + part.trim() + "' is not key=value");
            }
            String key = part.substring(0, equals).trim();
            if (raw.containsKey(key)) {
                throw new IllegalArgumentException("workload spec: field '" + key + "' is given twice");
            }
            raw.put(key, part.substring(equals + 1).trim());
        }
        return parse(raw);
    }

    /**
     * Builds a spec from fields, as a configuration file or the CLI hands them over.
     * @param raw field name (case-insensitive) to value
     * @return the spec
     * @throws IllegalArgumentException naming the field and the value if one is unknown
     * or invalid
     */
    public static WorkloadSpec parse(Map<String, String> raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean ycsb = raw.keySet().stream().anyMatch((key) -> key.trim().equalsIgnoreCase("ycsb"));
        Kind kind = ycsb ? Kind.YCSB : Kind.WEDDING;
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String name = canonical(kind, entry.getKey().trim());
            String value = (entry.getValue() == null) ? "" : entry.getValue().trim();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("workload spec: field '" + name + "' has no value");
            }
            if (fields.put(name, value) != null) {
                throw new IllegalArgumentException("workload spec: field '" + name + "' is given twice");
            }
        }
        String mix = fields.get("mix");
        if (mix != null && !mix.equalsIgnoreCase(ycsb ? "ycsb" : "wedding")) {
            throw new IllegalArgumentException("workload spec: field 'mix' must be "
                    + (ycsb ? "'ycsb' when 'ycsb' is given" : "'wedding' (or give ycsb=A|B|C|D|F)") + ", was '" + mix
                    + "'");
        }
        return new WorkloadSpec(kind, fields);
    }

    /**
     * Returns the default spec: the default wedding mix.
     * @return the spec
     */
    public static WorkloadSpec defaults() {
        return new WorkloadSpec(Kind.WEDDING, Map.of());
    }

    /**
     * Builds the workload the spec describes.
     * @param origin today, the first day of the wedding calendar (ignored by YCSB
     * workloads)
     * @return the workload
     */
    public FiniteWorkload create(LocalDate origin) {
        if (this.kind == Kind.YCSB) {
            return new YcsbWorkload(ycsbSettings());
        }
        return new WeddingWorkload(weddingModel(origin), weddingTraffic());
    }

    /**
     * Builds the workload the spec describes as of the clock's today.
     * @param clock the clock
     * @return the workload
     */
    public FiniteWorkload create(Clock clock) {
        return create(LocalDate.now(clock));
    }

    /**
     * Returns the wedding model of a wedding spec.
     * @param origin today
     * @return the model
     * @throws IllegalStateException if the spec is a YCSB one
     */
    public WeddingModel weddingModel(LocalDate origin) {
        return weddingModel(this.kind, this.fields, origin);
    }

    /**
     * Returns the traffic settings of a wedding spec.
     * @return the settings
     * @throws IllegalStateException if the spec is a YCSB one
     */
    public WeddingTraffic weddingTraffic() {
        return weddingTraffic(this.kind, this.fields);
    }

    /**
     * Returns the settings of a YCSB spec.
     * @return the settings
     * @throws IllegalStateException if the spec is a wedding one
     */
    public YcsbSettings ycsbSettings() {
        return ycsbSettings(this.kind, this.fields);
    }

    /**
     * Returns the spec in its text form, fields in the order given.
     * @return for example {@code mix=wedding;weddings=1000}
     */
    @Override
    public String toString() {
        if (this.fields.isEmpty()) {
            return "mix=wedding";
        }
        return this.fields.entrySet()
            .stream()
            .map((entry) -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining(";"));
    }

    private static WeddingModel weddingModel(Kind kind, Map<String, String> fields, LocalDate origin) {
        requireKind(kind, Kind.WEDDING);
        SpecFields spec = new SpecFields(fields);
        WeddingModel base = WeddingModel.defaults(origin);
        int[] guests = spec.range("guests", base.minGuests(), base.maxGuests(), 1, false);
        return spec.build(() -> new WeddingModel(spec.integer("weddings", base.weddings(), 1),
                spec.integer("vendors", base.vendorsPerWedding(), 1), guests[0], guests[1],
                spec.integer("photos", base.photosPerWedding(), 1), spec.integer("systemItems", base.systemItems(), 1),
                spec.integer("weeks", base.horizonWeeks(), 2), spec.share("saturdays", base.saturdayShare()),
                spec.share("hot", base.hotShare()), origin, spec.longValue("seed", base.seed())));
    }

    private static WeddingTraffic weddingTraffic(Kind kind, Map<String, String> fields) {
        requireKind(kind, Kind.WEDDING);
        SpecFields spec = new SpecFields(fields);
        WeddingTraffic base = WeddingTraffic.defaults();
        double reads = spec.share("reads", OperationMix.DEFAULT_READ_SHARE);
        OperationMix mix = OperationMix.withReads(reads);
        Map<DataClass, ValueShape> values = new EnumMap<>(base.values());
        for (DataClass dataClass : DataClass.values()) {
            String weight = "weight." + dataClass.id();
            mix = mix.withWeight(dataClass,
                    spec.number(weight, mix.weights().get(dataClass), 0.0, Double.MAX_VALUE, "a number at least 0"));
            mix = mix.withReadShare(dataClass, spec.share("reads." + dataClass.id(), reads));
            ValueShape shape = values.get(dataClass);
            int[] size = spec.range("size." + dataClass.id(), shape.minBytes(), shape.maxBytes(), 1, true);
            values.put(dataClass, new ValueShape(size[0], size[1], shape.content()));
        }
        OperationMix finalMix = mix;
        return spec.build(() -> new WeddingTraffic(finalMix, spec.theta(base.theta()),
                spec.distribution("popularity", base.weddings()), spec.distribution("items", base.items()), values,
                spec.integer("pool", base.poolSize(), 1)));
    }

    private static YcsbSettings ycsbSettings(Kind kind, Map<String, String> fields) {
        requireKind(kind, Kind.YCSB);
        SpecFields spec = new SpecFields(fields);
        YcsbWorkloads preset = spec.build(() -> YcsbWorkloads.fromLetter(fields.get("ycsb")), "ycsb");
        YcsbSettings base = preset.settings(YcsbWorkloads.DEFAULT_RECORDS, YcsbWorkloads.DEFAULT_VALUE_SIZE);
        DataClass dataClass = spec.build(
                () -> DataClass.fromId(fields.getOrDefault("class", base.dataClass().id()).toLowerCase(Locale.ROOT)),
                "class");
        return spec.build(() -> new YcsbSettings(base.name(), dataClass, spec.integer("records", base.records(), 1),
                spec.bytes("valueSize", base.valueSize()), spec.share("reads", base.readShare()),
                base.readModifyWrite(), spec.distribution("distribution", base.distribution()),
                spec.theta(base.theta()), spec.longValue("seed", base.seed())));
    }

    private static void requireKind(Kind actual, Kind wanted) {
        if (actual != wanted) {
            throw new IllegalStateException("the spec describes a " + actual + " workload, not a " + wanted + " one");
        }
    }

    private static String canonical(Kind kind, String key) {
        List<String> names = (kind == Kind.YCSB) ? YCSB_FIELDS : WEDDING_FIELDS;
        for (String name : names) {
            if (name.equalsIgnoreCase(key)) {
                return name;
            }
        }
        if (kind == Kind.WEDDING) {
            for (String prefix : WEDDING_PREFIXES) {
                if (key.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    String classId = key.substring(prefix.length()).toLowerCase(Locale.ROOT);
                    try {
                        return prefix + DataClass.fromId(classId).id();
                    }
                    catch (IllegalArgumentException unknown) {
                        throw new IllegalArgumentException(
                                "workload spec: field '" + key + "' names " + unknown.getMessage(), unknown);
                    }
                }
            }
        }
        String known = String.join(", ", names) + ((kind == Kind.WEDDING)
                ? ", " + WEDDING_PREFIXES.stream().map((prefix) -> prefix + "<class>").collect(Collectors.joining(", "))
                : "");
        throw new IllegalArgumentException("workload spec: unknown field '" + key + "' for a "
                + kind.name().toLowerCase(Locale.ROOT) + " workload (known: " + known + ")");
    }
}
