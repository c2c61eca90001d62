package com.wedsync.grid.node.member;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Leaves the cluster gracefully when the application stops (SIGTERM included): the
 * member's partitions migrate to the remaining members before it exits, bounded by the
 * shutdown timeout, and the log says how it went. Runs after the web server has stopped,
 * before Spring destroys the instance bean.
 */
class MemberLifecycle implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(MemberLifecycle.class);

    private final HazelcastInstance instance;

    private final Duration timeout;

    private volatile boolean running;

    MemberLifecycle(HazelcastInstance instance, Duration timeout) {
        this.instance = instance;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        this.running = true;
        logger.info("event=member_ready member={} cluster={} cluster_size={}",
                this.instance.getCluster().getLocalMember().getAddress(), this.instance.getConfig().getClusterName(),
                this.instance.getCluster().getMembers().size());
    }

    @Override
    public void stop() {
        this.running = false;
        if (!this.instance.getLifecycleService().isRunning()) {
            return;
        }
        int others = this.instance.getCluster().getMembers().size() - 1;
        long owned = ownedPartitions();
        logger.info("event=member_leaving owned_partitions={} remaining_members={} timeout_s={}", owned, others,
                this.timeout.toSeconds());
        long start = System.nanoTime();
        this.instance.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (others == 0) {
            logger.info("event=member_left handed_over=none reason=last_member took_ms={}", took.toMillis());
        }
        else if (took.compareTo(this.timeout) < 0) {
            logger.info("event=member_left handed_over={} to_members={} took_ms={}", owned, others, took.toMillis());
        }
        else {
            logger.warn("event=member_left handed_over=unknown reason=shutdown_timeout took_ms={} timeout_s={}",
                    took.toMillis(), this.timeout.toSeconds());
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    /** Stops after the web server (a lower phase stops later). */
    @Override
    public int getPhase() {
        return 0;
    }

    private long ownedPartitions() {
        return this.instance.getPartitionService()
            .getPartitions()
            .stream()
            .map(Partition::getOwner)
            .filter((owner) -> owner != null && owner.localMember())
            .count();
    }

}
