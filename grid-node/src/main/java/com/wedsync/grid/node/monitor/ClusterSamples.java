package com.wedsync.grid.node.monitor;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import com.wedsync.grid.node.alerts.rules.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares each member's latest summary through one replicated map, one entry per member
 * (keyed by its UUID, with a TTL of a few intervals so that a member that left drops
 * out), and aggregates the fresh ones. Bounded by the member count; every member reads
 * its local replica, so aggregating costs no remote call. Anyone who reaches a member
 * port can put into the map: an entry that is not a well-formed summary
 * ({@link SummaryCheck}), is not keyed by a current member's UUID or was taken more than
 * one interval in the future is skipped with one WARN per key and problem, and the others
 * are still aggregated. The entry of a member that left is skipped without a WARN until
 * its TTL ends.
 */
public final class ClusterSamples {

    /** The replicated map of the members' summaries. */
    public static final String MAP = "grid_monitor_samples";

    /** A summary older than this many intervals is stale. */
    static final int FRESH_INTERVALS = 3;

    /**
     * The most new malformed entries one read reports; the others are reported by the
     * next reads.
     */
    static final int REPORTS_PER_READ = SkippedEntries.REPORTS_PER_READ;

    private static final Logger logger = LoggerFactory.getLogger(ClusterSamples.class);

    private final HazelcastInstance instance;

    private final Duration interval;

    private final SkippedEntries skipped = new SkippedEntries(logger, "monitor_summary_skipped", "claimed_member");

    /**
     * Aggregates the clients' summaries on the oldest member; null where nobody asked.
     */
    private final ClientSamples clients;

    /** The UUIDs of the members seen by earlier reads that are still keys in the map. */
    private final Set<String> seenMembers = ConcurrentHashMap.newKeySet();

    /**
     * Creates the aggregator.
     * @param instance the local member
     * @param interval the sample interval
     */
    public ClusterSamples(HazelcastInstance instance, Duration interval) {
        this(instance, interval, null);
    }

    /**
     * Creates the aggregator of the members' summaries and, on the oldest member, the
     * clients'.
     * @param instance the local member
     * @param interval the sample interval
     * @param clients the aggregator of the clients' summaries
     */
    public ClusterSamples(HazelcastInstance instance, Duration interval, ClientSamples clients) {
        this.instance = instance;
        this.interval = interval;
        this.clients = clients;
    }

    /**
     * Publishes this member's summary.
     * @param summary the summary of its latest sample
     */
    public void publish(MemberSummary summary) {
        map().put(localMember().getUuid().toString(), summary, this.interval.toMillis() * FRESH_INTERVALS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Aggregates the fresh summaries of all members.
     * @param now the time to judge freshness by
     * @return the figures
     */
    public ClusterFigures aggregate(Instant now) {
        long oldest = now.toEpochMilli() - this.interval.toMillis() * FRESH_INTERVALS;
        int members = 0;
        double ops = 0;
        double memory = 0;
        Map<String, Long> hits = new HashMap<>();
        Map<String, Long> gets = new HashMap<>();
        Map<String, Severity> alerts = new HashMap<>();
        for (MemberSummary summary : summaries(now)) {
            if (summary.atMillis() < oldest) {
                continue;
            }
            members++;
            ops += summary.opsPerSecond();
            memory = Math.max(memory, summary.memoryUsedShare());
            for (int i = 0; i < summary.maps().length; i++) {
                hits.merge(summary.maps()[i], summary.hits()[i], Long::sum);
                gets.merge(summary.maps()[i], summary.gets()[i], Long::sum);
            }
            for (String alert : summary.worstAlerts()) {
                int equals = alert.indexOf('=');
                alerts.merge(alert.substring(0, equals), Severity.valueOf(alert.substring(equals + 1)),
                        (a, b) -> (a.compareTo(b) >= 0) ? a : b);
            }
        }
        ClientFigures clientFigures = (this.clients != null && coordinates()) ? this.clients.aggregate(now)
                : ClientFigures.NONE;
        return new ClusterFigures(members, ops, hits, gets, memory, alerts, clientFigures);
    }

    /**
     * Tells whether this member evaluates the cluster-wide rules: the oldest member does,
     * so each cluster alert is raised once; when it leaves, the next oldest takes over.
     * @return {@code true} on the oldest member
     */
    public boolean coordinates() {
        return this.instance.getCluster().getMembers().iterator().next().localMember();
    }

    /**
     * The map's well-formed summaries of current members, taken no later than one
     * interval (the clock skew allowed) after {@code now}; each other entry is reported
     * once (at most a few per read), but for a member that left.
     */
    private List<MemberSummary> summaries(Instant now) {
        List<MemberSummary> summaries = new ArrayList<>();
        Set<String> members = memberUuids();
        long latest = now.toEpochMilli() + this.interval.toMillis();
        this.skipped.begin();
        Set<Map.Entry<Object, Object>> entries = this.instance.<Object, Object>getReplicatedMap(MAP).entrySet();
        for (Map.Entry<Object, Object> entry : entries) {
            Optional<String> problem = SummaryCheck.problem(entry.getKey(), entry.getValue(), members, latest);
            if (problem.isEmpty()) {
                summaries.add((MemberSummary) entry.getValue());
                continue;
            }
            if (this.seenMembers.contains(entry.getKey()) && !members.contains(entry.getKey())) {
                continue;
            }
            this.skipped.skip(localMember().getAddress(), SummaryCheck.quote(entry.getKey()),
                    claimedMember(entry.getValue()), problem.get());
        }
        this.skipped.end();
        this.seenMembers.addAll(members);
        this.seenMembers.retainAll(entries.stream().map(Map.Entry::getKey).toList());
        return summaries;
    }

    private Set<String> memberUuids() {
        Set<String> uuids = new HashSet<>();
        this.instance.getCluster().getMembers().forEach((member) -> uuids.add(member.getUuid().toString()));
        return uuids;
    }

    private static String claimedMember(Object value) {
        return (value instanceof MemberSummary summary) ? SummaryCheck.quote(summary.member()) : "none";
    }

    private Member localMember() {
        return this.instance.getCluster().getLocalMember();
    }

    private ReplicatedMap<String, MemberSummary> map() {
        return this.instance.getReplicatedMap(MAP);
    }

}
