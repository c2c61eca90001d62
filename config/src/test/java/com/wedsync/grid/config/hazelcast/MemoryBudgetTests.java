package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryBudgetTests {

    private static final long MIB = HazelcastConfigFactory.MIB;

    private static final long GIB = 1024 * MIB;

    private static final Catalog CATALOG = CatalogLoader.loadDefault();

    @ParameterizedTest(name = "{0}: {1} MiB")
    @CsvSource(textBlock = """
            wedding_data,       409
            vendor_responses,   256
            guest_interactions, 204
            photo_thumbnails,   102
            system_cache,       51
            """)
    void aOneGibMemberGivesEachMapItsShareInWholeMibAndBytes(String map, int mib) {
        MemoryBudget budget = MemoryBudget.of(CATALOG, GIB);

        assertThat(budget.memoryLimitBytes()).isEqualTo(GIB);
        assertThat(budget.mib(map)).isEqualTo(mib);
        assertThat(budget.bytes(map)).isEqualTo(mib * MIB);
    }

    @Test
    void aMapOutsideTheCatalogHasNoBudget() {
        assertThatIllegalArgumentException().isThrownBy(() -> MemoryBudget.of(CATALOG, GIB).bytes("orders"))
            .withMessage("no budget for map 'orders' (known: [wedding_data, vendor_responses, guest_interactions,"
                    + " photo_thumbnails, system_cache])");
    }

    @ParameterizedTest(name = "{0} bytes at {1} %: {2} MiB")
    @CsvSource(textBlock = """
            1073741824,  40,  409
            1073741824,  25,  256
            1073741824,  20,  204
            1073741824,  10,  102
            1073741824,  5,   51
            2147483648,  25,  512
            2147483648,  20,  409
            68719476736, 25,  16384
            68719476736, 40,  26214
            20971520,    5,   1
            104857600,   1,   1
            104857599,   100, 99
            """)
    void theBudgetIsTheShareOfTheLimitRoundedDownToWholeMib(long limit, int share, int mib) {
        assertThat(MemoryBudget.mib(withShare(share), limit)).isEqualTo(mib);
    }

    @Test
    void aLimitTooSmallForOneClassIsRejectedNamingTheClassAndTheMinimum() {
        assertThatIllegalArgumentException().isThrownBy(() -> MemoryBudget.of(CATALOG, 10 * MIB))
            .withMessage("memory limit 10485760 bytes gives system_cache (5 %) less than 1 MiB, Hazelcast's"
                    + " smallest bound; it must be at least 20 MiB");
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 3, 5, 7, 10, 25, 33, 40, 99, 100 })
    void theMinimumNamedInTheMessageIsTheSmallestLimitAccepted(int share) {
        DataClassPolicy policy = withShare(share);
        long neededMib = (100 + share - 1) / share;

        assertThatIllegalArgumentException().isThrownBy(() -> MemoryBudget.mib(policy, 1))
            .withMessageEndingWith("it must be at least " + neededMib + " MiB");
        assertThat(MemoryBudget.mib(policy, neededMib * MIB)).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> MemoryBudget.mib(policy, (neededMib - 1) * MIB))
            .withMessageContaining("(" + share + " %) less than 1 MiB");
    }

    @Test
    void theMinimumLimitOfTheCatalogIsSetBySystemCache() {
        assertThat(MemoryBudget.minimumMemoryLimit(CATALOG)).isEqualTo(20 * MIB);
        assertThat(MemoryBudget.of(CATALOG, 20 * MIB).mib("system_cache")).isEqualTo(1);
    }

    private static DataClassPolicy withShare(int share) {
        DataClassPolicy p = CATALOG.policy(DataClass.VENDOR_RESPONSES);
        return new DataClassPolicy(p.dataClass(), p.mapName(), share, p.backupCount(), p.asyncBackupCount(), p.ttl(),
                p.maxIdle(), p.eviction(), p.protectUpcoming(), p.nearCache(), p.mergePolicy());
    }

}
