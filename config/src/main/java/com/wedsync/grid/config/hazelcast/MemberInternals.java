package com.wedsync.grid.config.hazelcast;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.EntryEventType;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.nearcache.NearCache;
import com.hazelcast.internal.nearcache.impl.invalidation.BatchNearCacheInvalidation;
import com.hazelcast.internal.nearcache.impl.invalidation.Invalidation;
import com.hazelcast.internal.nearcache.impl.invalidation.Invalidator;
import com.hazelcast.internal.nearcache.impl.invalidation.NonStopInvalidator;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.map.impl.EventListenerFilter;
import com.hazelcast.map.impl.MapContainer;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.map.impl.MapServiceContext;
import com.hazelcast.map.impl.eviction.Evictor;
import com.hazelcast.map.impl.nearcache.MapNearCacheManager;
import com.hazelcast.map.impl.recordstore.RecordStore;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.eventservice.EventFilter;
import com.hazelcast.spi.impl.eventservice.EventRegistration;
import java.lang.reflect.Field;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.LongSupplier;

/**
 * The only door from the config module to a member's Hazelcast internals
 * ({@code com.hazelcast.*.impl} and {@code .internal}): no other class of this module
 * imports them ({@code HazelcastInternalsImportTests} checks it), so what a Hazelcast
 * upgrade may break is here, and {@code MemberInternalsIT} runs every method against a
 * real member. The member's tuning ({@link HeapBoundInstaller},
 * {@link InvalidatorInstaller}) goes through it. Each way in, and why no public API
 * serves:
 * <ul>
 * <li>{@link #of}: the member's {@code NodeEngine} ({@code HazelcastInstanceImpl.node})
 * and its map service's {@code MapServiceContext}, where everything below lives.</li>
 * <li>{@link #mapConfig}, {@link #evicts}, {@link #heapBound}, {@link #boundHeap}: a
 * map's {@code MapContainer} and its {@code Evictor}. Hazelcast checks a USED_HEAP_SIZE
 * bound by summing every partition after each write; the only way to check it cheaper
 * ({@link IncrementalHeapBound}) is to put an evictor in front of the map's own, reading
 * its partitions' {@code RecordStore} costs.</li>
 * <li>{@link #coalescingInvalidator}, {@link #sendsInvalidationsAtOnce},
 * {@link #invalidatorName}, {@link #coalesceInvalidations}: the map service's
 * {@code MapNearCacheManager} and its near-cache {@code Invalidator}. Hazelcast either
 * sends every invalidation at once or holds even a lone one for seconds; the only way to
 * gather bursts ({@link CoalescingInvalidator}) is an invalidator of our own in the
 * manager's place, set through its final field with the replaced one's sequence numbers
 * (no setter exists).</li>
 * </ul>
 */
final class MemberInternals {

    private final NodeEngine nodeEngine;

    private final MapServiceContext context;

    private MemberInternals(NodeEngine nodeEngine) {
        this.nodeEngine = nodeEngine;
        MapService service = nodeEngine.getService(MapService.SERVICE_NAME);
        this.context = service.getMapServiceContext();
    }

    /**
     * Opens the internals of a member.
     * @param member the member (the instance or its proxy)
     * @return its internals
     * @throws ClassCastException if it is not a member
     */
    static MemberInternals of(HazelcastInstance member) {
        return new MemberInternals(nodeEngine(member));
    }

    /**
     * Returns a member's node engine (tests use it to serialize keys and to build an
     * invalidator).
     * @param member the member (the instance or its proxy)
     * @return its node engine
     */
    static NodeEngine nodeEngine(HazelcastInstance member) {
        HazelcastInstanceImpl impl = (member instanceof HazelcastInstanceProxy proxy) ? proxy.getOriginal()
                : (HazelcastInstanceImpl) member;
        return impl.node.getNodeEngine();
    }

    /**
     * Returns the configuration a map runs with: its container's, which a dynamic update
     * replaces.
     * @param mapName the map
     * @return its configuration
     */
    MapConfig mapConfig(String mapName) {
        return container(mapName).getMapConfig();
    }

    /**
     * Tells whether a map evicts at all (Hazelcast gives a map without a size bound no
     * evictor).
     * @param mapName the map
     * @return true if it has an evictor
     */
    boolean evicts(String mapName) {
        return container(mapName).getEvictor() != Evictor.NULL_EVICTOR;
    }

    /**
     * Returns the incremental bound of a map.
     * @param mapName the map
     * @return the bound, or {@code null} if the map checks its bound Hazelcast's way (or
     * has none)
     */
    IncrementalHeapBound heapBound(String mapName) {
        return (container(mapName).getEvictor() instanceof BoundEvictor bounded) ? bounded.bound : null;
    }

    /**
     * Puts an incremental bound in front of a map's evictor.
     * @param mapName the map
     * @param limitBytes the map's heap limit on this member
     * @return the bound
     */
    IncrementalHeapBound boundHeap(String mapName, long limitBytes) {
        MapContainer container = container(mapName);
        IncrementalHeapBound bound = new IncrementalHeapBound(new MapCosts(this.context, mapName), mapName, limitBytes);
        container.setEvictor(new BoundEvictor(container.getEvictor(), bound));
        return bound;
    }

    /**
     * Returns the member's coalescing invalidator.
     * @return the invalidator, or {@code null} if the member sends invalidations
     * Hazelcast's way
     */
    CoalescingInvalidator<?> coalescingInvalidator() {
        return (invalidator() instanceof MapInvalidator coalescing) ? coalescing.coalescing : null;
    }

    /**
     * Tells whether the member's invalidator is Hazelcast's send-at-once one, the one the
     * grid configures.
     * @return true if so
     */
    boolean sendsInvalidationsAtOnce() {
        return invalidator() instanceof NonStopInvalidator;
    }

    /**
     * Returns the simple class name of the member's invalidator, for logs.
     * @return the name
     */
    String invalidatorName() {
        return invalidator().getClass().getSimpleName();
    }

    /**
     * Puts a coalescing invalidator in place of the member's, taking over its sequence
     * numbers and partition ids so that clients' near caches see one unbroken series.
     * @return the new invalidator
     * @throws IllegalStateException if the manager's field cannot be set (the new
     * invalidator is then shut down)
     */
    CoalescingInvalidator<?> coalesceInvalidations() {
        MapNearCacheManager manager = this.context.getMapNearCacheManager();
        Invalidator current = manager.getInvalidator();
        MapInvalidator replacement = new MapInvalidator(this.nodeEngine, System::nanoTime,
                CoalescingInvalidator.timer());
        try {
            setField(Invalidator.class, "metaDataGenerator", replacement, current.getMetaDataGenerator());
            setField(MapNearCacheManager.class, "invalidator", manager, replacement);
            return replacement.coalescing;
        }
        catch (RuntimeException | LinkageError ex) {
            replacement.shutdown();
            throw ex;
        }
    }

    private Invalidator invalidator() {
        return this.context.getMapNearCacheManager().getInvalidator();
    }

    private MapContainer container(String mapName) {
        return this.context.getMapContainer(mapName);
    }

    /**
     * Sets a final instance field that Hazelcast offers no setter for.
     * @param owner the class declaring the field
     * @param name the field
     * @param target the object whose field it is
     * @param value the new value
     * @throws IllegalStateException if the field is not there or cannot be set
     */
    static void setField(Class<?> owner, String name, Object target, Object value) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            throw new IllegalStateException("cannot set " + owner.getName() + "." + name + ": " + ex, ex);
        }
    }

    /**
     * A map's partition and near-cache costs, read from Hazelcast's record stores each
     * time.
     */
    private record MapCosts(MapServiceContext context, String mapName) implements IncrementalHeapBound.Costs {

        @Override
        public int partitions() {
            return this.context.getPartitionContainers().length;
        }

        @Override
        public long partitionCost(int partition) {
            RecordStore store = this.context.getPartitionContainers()[partition].getExistingRecordStore(this.mapName);
            return (store != null) ? store.getOwnedEntryCost() : 0L;
        }

        @Override
        public long nearCacheCost() {
            NearCache<?, ?> nearCache = this.context.getMapNearCacheManager().getNearCache(this.mapName);
            return (nearCache != null) ? nearCache.getNearCacheStats().getOwnedEntryMemoryCost() : 0L;
        }
    }

    /**
     * The map's own evictor, asked to evict only when its {@link IncrementalHeapBound}
     * says the map is over.
     */
    private static final class BoundEvictor implements Evictor {

        private final Evictor delegate;

        private final IncrementalHeapBound bound;

        BoundEvictor(Evictor delegate, IncrementalHeapBound bound) {
            this.delegate = delegate;
            this.bound = bound;
        }

        @Override
        public void evict(RecordStore recordStore, Data excludedKey) {
            this.delegate.evict(recordStore, excludedKey);
        }

        @Override
        public void forceEvictByPercentage(RecordStore recordStore, double evictionPercentage) {
            this.delegate.forceEvictByPercentage(recordStore, evictionPercentage);
        }

        @Override
        public boolean checkEvictable(RecordStore recordStore) {
            // as Hazelcast: an empty partition has nothing to evict
            return recordStore.size() != 0
                    && this.bound.checkEvictable(recordStore.getPartitionId(), recordStore.getOwnedEntryCost());
        }

        @Override
        public String toString() {
            return this.bound.describe(this.delegate);
        }

    }

    /**
     * The map service's invalidator with a {@link CoalescingInvalidator} deciding when
     * each invalidation goes out: Hazelcast numbers them
     * ({@link Invalidator#invalidateKey}), this sends them as that one decides.
     */
    static final class MapInvalidator extends Invalidator implements CoalescingInvalidator.Channel<Invalidation> {

        final CoalescingInvalidator<Invalidation> coalescing;

        /**
         * Creates an invalidator, not installed.
         * @param nodeEngine the member's
         * @param clock tells the time, in nanoseconds, that windows are counted in
         * @param timer runs the end-of-window sends; shut down with this invalidator
         */
        MapInvalidator(NodeEngine nodeEngine, LongSupplier clock, ScheduledThreadPoolExecutor timer) {
            super(MapService.SERVICE_NAME, MapInvalidator::isInvalidationListener, nodeEngine);
            this.coalescing = new CoalescingInvalidator<>(this, clock, timer);
        }

        /**
         * The registrations Hazelcast's map near-cache manager sends invalidations to.
         */
        private static boolean isInvalidationListener(EventRegistration registration) {
            EventFilter filter = registration.getFilter();
            return filter instanceof EventListenerFilter && filter.eval(EntryEventType.INVALIDATION.getType());
        }

        @Override
        protected void invalidateInternal(Invalidation invalidation, int orderKey) {
            this.coalescing.invalidate(invalidation.getName(), invalidation, orderKey);
        }

        @Override
        public void destroy(String dataStructureName, UUID sourceUuid) {
            this.coalescing.destroy(dataStructureName);
            super.destroy(dataStructureName, sourceUuid);
        }

        @Override
        public void reset() {
            this.coalescing.flushAll();
        }

        @Override
        public void shutdown() {
            this.coalescing.shutdown();
        }

        @Override
        public void sendNow(Invalidation invalidation, int orderKey) {
            sendImmediately(invalidation, orderKey);
        }

        @Override
        public boolean sendBatch(String mapName, List<Invalidation> batch) {
            Invalidation event = new BatchNearCacheInvalidation(mapName, batch);
            try {
                for (EventRegistration registration : this.eventService.getRegistrations(this.serviceName, mapName)) {
                    if (this.eventFilter.test(registration)) {
                        this.eventService.publishEvent(this.serviceName, registration, event,
                                registration.getId().hashCode());
                    }
                }
                return true;
            }
            catch (RuntimeException ex) {
                this.logger.warning("event=invalidation_not_sent map=" + mapName + " keys=" + batch.size()
                        + ": near caches repair it from sequence numbers", ex);
                return false;
            }
        }

    }

}
