package com.wedsync.grid.loadtest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.loadtest.target.Targets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch larger than the grid's putAll takes is refused when the options are read, for
 * every target, naming the option, the value and the limit; the limit itself is accepted.
 */
class BulkOptionsTests {

    private static final Targets.TargetOptions WHERE = new Targets.TargetOptions(List.of(), "", 1, 64L << 20,
            "redis://127.0.0.1:6379");

    @ParameterizedTest
    @ValueSource(strings = { "grid", "grid-l2", "redis" })
    void aBatchAboveMaxBatchIsRefusedNamingTheOptionAndTheLimit(String target) {
        assertThatIllegalArgumentException().isThrownBy(() -> options(target, CacheRegion.MAX_BATCH + 1))
            .withMessage("--batch (10001) must be at most 10000, the most one putAll of the grid takes"
                    + " (CacheRegion.MAX_BATCH)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "grid", "grid-l2", "redis" })
    void aBatchOfExactlyMaxBatchIsAccepted(String target) {
        assertThat(options(target, CacheRegion.MAX_BATCH).batch()).isEqualTo(10_000);
    }

    private static BulkOptions options(String target, int batch) {
        return new BulkOptions(target, DataClass.WEDDING_DATA, 20_000, 64, batch, 1, Duration.ofMinutes(1), WHERE);
    }

}
