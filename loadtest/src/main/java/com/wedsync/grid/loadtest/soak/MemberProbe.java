package com.wedsync.grid.loadtest.soak;

import com.wedsync.grid.loadtest.nodes.NodeFleet;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A member the soak started, read from its {@code /actuator/prometheus} (Micrometer's JVM
 * meters and grid-node's map meters):
 * <ul>
 * <li>heap after GC: {@code jvm_gc_live_data_size_bytes}, the long-lived pool after the
 * last collection that reclaimed it. Members run ZGC (jvm.options), whose every cycle
 * collects the whole heap, so this is the heap after the last cycle. 0 until the first
 * collection: left out then, as not known.</li>
 * <li>heap used: {@code jvm_memory_used_bytes{area="heap"}} summed, the sawtooth, for
 * context.</li>
 * <li>threads: {@code jvm_threads_live_threads}.</li>
 * <li>owned entries: {@code grid_map_entries{ownership="owned"}} summed over the
 * maps.</li>
 * <li>members removed: {@code grid_cluster_members_removed_total}, members this one saw
 * removed from its cluster.</li>
 * </ul>
 */
public final class MemberProbe implements ProcessProbe {

    private final String name;

    private final Supplier<String> exposition;

    /**
     * Creates the probe.
     * @param name the member's name, for example {@code member-1}
     * @param exposition reads the member's {@code /actuator/prometheus}
     */
    public MemberProbe(String name, Supplier<String> exposition) {
        this.name = name;
        this.exposition = exposition;
    }

    /**
     * Creates the probe of a member a fleet started.
     * @param fleet the fleet, for its scrapes
     * @param member the member
     * @return the probe
     */
    public static MemberProbe of(NodeFleet fleet, NodeFleet.Member member) {
        return new MemberProbe(member.name(), () -> fleet.scrape(member));
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public Set<Series> series() {
        return Set.of(Series.HEAP_AFTER_GC, Series.HEAP_USED, Series.LIVE_THREADS, Series.OWNED_ENTRIES,
                Series.MEMBERS_REMOVED);
    }

    @Override
    public Map<Series, Double> read() {
        return figures(this.exposition.get());
    }

    private static Map<Series, Double> figures(String text) {
        Map<Series, Double> figures = new EnumMap<>(Series.class);
        OptionalDouble live = Exposition.sum(text, "jvm_gc_live_data_size_bytes", "");
        if (live.isPresent() && live.getAsDouble() > 0) {
            figures.put(Series.HEAP_AFTER_GC, live.getAsDouble());
        }
        put(figures, Series.HEAP_USED, Exposition.sum(text, "jvm_memory_used_bytes", "area=\"heap\""));
        put(figures, Series.LIVE_THREADS, Exposition.sum(text, "jvm_threads_live_threads", ""));
        put(figures, Series.OWNED_ENTRIES, Exposition.sum(text, "grid_map_entries", "ownership=\"owned\""));
        put(figures, Series.MEMBERS_REMOVED, Exposition.sum(text, "grid_cluster_members_removed_total", ""));
        return figures;
    }

    private static void put(Map<Series, Double> figures, Series series, OptionalDouble value) {
        value.ifPresent((v) -> figures.put(series, v));
    }

}
