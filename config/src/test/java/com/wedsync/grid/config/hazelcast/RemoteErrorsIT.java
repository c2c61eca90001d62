package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.config.testkit.LoopbackGridExtension;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The narrow allow-list still carries what members do Java-serialize: the exception one
 * member sends another in an error response (a {@link Throwable} with its stack trace and
 * suppressed list). Were the list too narrow, the caller would get a
 * {@code HazelcastSerializationException} instead of the owner's exception.
 */
class RemoteErrorsIT {

    @RegisterExtension
    static final LoopbackGridExtension GRID = new LoopbackGridExtension(LoopbackGrid.builder()
        .name("remote-errors")
        .member((member) -> member.memoryLimitBytes(64 * HazelcastConfigFactory.MIB)), 2);

    @Test
    void anExceptionThrownOnTheOwningMemberReachesTheCallerOnAnotherMember() {
        HazelcastInstance caller = GRID.grid().member(0);
        HazelcastInstance owner = GRID.grid().member(1);
        String key = IntStream.range(0, 1000)
            .mapToObj((i) -> "quote-" + i)
            .filter((k) -> caller.getPartitionService()
                .getPartition(k)
                .getOwner()
                .equals(owner.getCluster().getLocalMember()))
            .findFirst()
            .orElseThrow();

        // Unlocking a key this caller never locked fails on the owner, which answers with
        // the exception.
        assertThatExceptionOfType(IllegalMonitorStateException.class)
            .isThrownBy(() -> caller.getMap("vendor_responses").unlock(key));
    }

}
