package com.wedsync.grid.node.member;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.PartitionLostEvent;
import com.hazelcast.partition.PartitionLostListener;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member-side listener of cluster events: membership, migration and partition loss
 * become structured log lines and counts, which it exposes as meters. It never throws
 * into Hazelcast: a failure is logged at WARN and the event dropped.
 */
public class ClusterEventListener implements MembershipListener, MigrationListener, PartitionLostListener, MeterBinder {

    private static final Logger logger = LoggerFactory.getLogger(ClusterEventListener.class);

    private final AtomicLong migrationsRemaining = new AtomicLong();

    private final AtomicLong replicaMigrationsCompleted = new AtomicLong();

    private final AtomicLong replicaMigrationsFailed = new AtomicLong();

    private final AtomicLong partitionsLost = new AtomicLong();

    private final AtomicLong membersRemoved = new AtomicLong();

    /**
     * Binds the listener's meters. The listener counts from the moment the member starts,
     * which may be before any registry exists; the meters read its counts live.
     * @param registry where the meters go
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("grid.migrations.remaining", this.migrationsRemaining, AtomicLong::get)
            .description("Partition migrations planned but not yet completed in the current migration process")
            .register(registry);
        FunctionCounter.builder("grid.migrations", this.replicaMigrationsCompleted, AtomicLong::get)
            .tag("result", "completed")
            .description("Partition replica migrations seen by this member")
            .register(registry);
        FunctionCounter.builder("grid.migrations", this.replicaMigrationsFailed, AtomicLong::get)
            .tag("result", "failed")
            .description("Partition replica migrations seen by this member")
            .register(registry);
        FunctionCounter.builder("grid.partitions.lost", this.partitionsLost, AtomicLong::get)
            .description("Partition-lost events: the owner replica (and lost_backups more) was lost; data is gone only"
                    + " for maps with no more backups than that (see grid.map.partitions.lost)")
            .register(registry);
        FunctionCounter.builder("grid.cluster.members.removed", this.membersRemoved, AtomicLong::get)
            .description("Members removed from this member's cluster: shut down, killed, or judged dead after the"
                    + " member timeout without heartbeats (a frozen member, or a healthy one that missed them)")
            .register(registry);
    }

    /**
     * Returns whether a migration process is under way, as far as this member has been
     * told.
     * @return {@code true} while migrations are planned and not yet completed
     */
    public boolean migrating() {
        return this.migrationsRemaining.get() > 0;
    }

    /**
     * Returns the partition-lost events since the member started: each says the owner
     * replica was lost, which loses data only of maps without enough backups.
     * @return the count
     */
    public long partitionsLost() {
        return this.partitionsLost.get();
    }

    /**
     * Returns the partition replica migrations completed since the member started.
     * @return the count
     */
    public long migrationsCompleted() {
        return this.replicaMigrationsCompleted.get();
    }

    /**
     * Returns the migrations of the current migration process not yet completed.
     * @return the count, 0 when none is under way
     */
    public long migrationsRemaining() {
        return this.migrationsRemaining.get();
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        safely("member_added", () -> logger.info("event=member_added member={} cluster_size={}",
                event.getMember().getAddress(), event.getMembers().size()));
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        safely("member_removed", () -> {
            this.membersRemoved.incrementAndGet();
            logger.info("event=member_removed member={} cluster_size={}", event.getMember().getAddress(),
                    event.getMembers().size());
        });
    }

    @Override
    public void migrationStarted(MigrationState state) {
        safely("migration_started", () -> {
            this.migrationsRemaining.set(state.getRemainingMigrations());
            logger.info("event=migration_started planned={}", state.getPlannedMigrations());
        });
    }

    @Override
    public void migrationFinished(MigrationState state) {
        safely("migration_finished", () -> {
            this.migrationsRemaining.set(0);
            logger.info("event=migration_finished planned={} completed={} took_ms={}", state.getPlannedMigrations(),
                    state.getCompletedMigrations(), state.getTotalElapsedTime());
        });
    }

    @Override
    public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
        safely("replica_migration_completed", () -> {
            this.replicaMigrationsCompleted.incrementAndGet();
            this.migrationsRemaining.set(event.getMigrationState().getRemainingMigrations());
        });
    }

    @Override
    public void replicaMigrationFailed(ReplicaMigrationEvent event) {
        safely("replica_migration_failed", () -> {
            this.replicaMigrationsFailed.incrementAndGet();
            this.migrationsRemaining.set(event.getMigrationState().getRemainingMigrations());
            logger.warn("event=replica_migration_failed partition={} replica={} source={} destination={}",
                    event.getPartitionId(), event.getReplicaIndex(), event.getSource(), event.getDestination());
        });
    }

    @Override
    public void partitionLost(PartitionLostEvent event) {
        safely("partition_lost", () -> {
            this.partitionsLost.incrementAndGet();
            logger.warn("event=partition_lost partition={} lost_backups={} by={}", event.getPartitionId(),
                    event.getLostBackupCount(), event.getEventSource());
        });
    }

    private static void safely(String event, Runnable action) {
        try {
            action.run();
        }
        catch (RuntimeException ex) {
            logger.warn("event=listener_failed while={} error={}", event, ex.toString());
        }
    }

}
