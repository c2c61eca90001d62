package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.CatalogLoader;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The narrow allow-list still carries what members do Java-serialize: the exception one member sends another in
 * an error response (a {@link Throwable} with its stack trace and suppressed list). Were the list too narrow, the
 * caller would get a {@code HazelcastSerializationException} instead of the owner's exception.
 */
class RemoteErrorsIT {

    private static LoopbackCluster cluster;

    @BeforeAll
    static void startTwoMembers() {
        cluster = LoopbackCluster.start(CatalogLoader.loadDefault(), "remote-errors-", 2,
                64 * HazelcastConfigFactory.MIB, true);
    }

    @AfterAll
    static void shutDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anExceptionThrownOnTheOwningMemberReachesTheCallerOnAnotherMember() {
        HazelcastInstance caller = cluster.member(0);
        HazelcastInstance owner = cluster.member(1);
        String key = IntStream.range(0, 1000)
            .mapToObj((i) -> "quote-" + i)
            .filter((k) -> caller.getPartitionService().getPartition(k).getOwner().equals(
                    owner.getCluster().getLocalMember()))
            .findFirst()
            .orElseThrow();

        // Unlocking a key this caller never locked fails on the owner, which answers with the exception.
        assertThatExceptionOfType(IllegalMonitorStateException.class)
            .isThrownBy(() -> caller.getMap("vendor_responses").unlock(key));
    }
}
