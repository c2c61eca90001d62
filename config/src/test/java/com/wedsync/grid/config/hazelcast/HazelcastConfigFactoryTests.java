package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.hazelcast.config.CompactSerializationConfigAccessor;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.PartitionGroupConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.internal.config.ConfigValidator;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import com.hazelcast.splitbrainprotection.impl.RecentlyActiveSplitBrainProtectionFunction;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.key.WeddingKeySerializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HazelcastConfigFactoryTests {

    private static final long MIB = HazelcastConfigFactory.MIB;

    private static final long GIB = 1024 * MIB;

    private static final Catalog CATALOG = CatalogLoader.loadDefault();

    private static final MemberSettings LOOPBACK = MemberSettings.loopback("wedsync-test", GIB);

    private final Config config = HazelcastConfigFactory.memberConfig(CATALOG, LOOPBACK);

    @Test
    void everyClassGetsABinaryMapNamedAsInTheCatalog() {
        assertThat(this.config.getMapConfigs()).containsOnlyKeys("wedding_data", "vendor_responses",
                "guest_interactions", "photo_thumbnails", "system_cache", "grid_calendar");
        assertThat(this.config.getMapConfigs().values()).extracting(MapConfig::getInMemoryFormat)
            .containsOnly(InMemoryFormat.BINARY);
    }

    @Test
    void theCalendarMapIsNeverEvictedHasABackupAndLetsEachEntryExpire() {
        MapConfig calendar = this.config.getMapConfig("grid_calendar");

        assertThat(calendar.getEvictionConfig().getEvictionPolicy()).isEqualTo(EvictionPolicy.NONE);
        assertThat(calendar.getEvictionConfig().getMaxSizePolicy()).isEqualTo(MaxSizePolicy.PER_NODE);
        assertThat(calendar.getEvictionConfig().getSize()).isEqualTo(Integer.MAX_VALUE);
        assertThat(calendar.getBackupCount()).isEqualTo(1);
        assertThat(calendar.getTimeToLiveSeconds()).isZero();
        assertThat(calendar.getMaxIdleSeconds()).isZero();
        assertThat(calendar.getMergePolicyConfig().getPolicy()).isEqualTo("LatestUpdateMergePolicy");
    }

    @ParameterizedTest(name = "{0}: {1} MiB, {2}+{3} backups, ttl {4}s, max idle {5}s, {6}")
    @CsvSource(textBlock = """
            wedding_data,       409, 2, 0, 86400, 0,     LatestUpdateMergePolicy
            vendor_responses,   256, 1, 0, 3600,  21600, LatestUpdateMergePolicy
            guest_interactions, 204, 0, 1, 900,   1800,  LatestUpdateMergePolicy
            photo_thumbnails,   102, 0, 1, 21600, 7200,  PutIfAbsentMergePolicy
            system_cache,       51,  1, 0, 600,   0,     LatestUpdateMergePolicy
            """)
    void aOneGibMemberBoundsEachMapByItsShareAndCopiesTheCatalog(String map, int mib, int backups, int asyncBackups,
            int ttlSeconds, int maxIdleSeconds, String mergePolicy) {
        MapConfig mapConfig = this.config.getMapConfig(map);

        assertThat(mapConfig.getEvictionConfig().getMaxSizePolicy()).isEqualTo(MaxSizePolicy.USED_HEAP_SIZE);
        assertThat(mapConfig.getEvictionConfig().getSize()).isEqualTo(mib);
        assertThat(mapConfig.getBackupCount()).isEqualTo(backups);
        assertThat(mapConfig.getAsyncBackupCount()).isEqualTo(asyncBackups);
        assertThat(mapConfig.getTimeToLiveSeconds()).isEqualTo(ttlSeconds);
        assertThat(mapConfig.getMaxIdleSeconds()).isEqualTo(maxIdleSeconds);
        assertThat(mapConfig.getMergePolicyConfig().getPolicy()).isEqualTo(mergePolicy);
        assertThat(mapConfig.isStatisticsEnabled()).isTrue();
        assertThat(mapConfig.isPerEntryStatsEnabled()).isTrue();
    }

    @Test
    void aLimitTooSmallForOneClassIsRejectedNamingTheClassAndTheMinimum() {
        MemberSettings tiny = MemberSettings.loopback("wedsync-test", 10 * MIB);

        assertThatIllegalArgumentException().isThrownBy(() -> HazelcastConfigFactory.memberConfig(CATALOG, tiny))
            .withMessage("memory limit 10485760 bytes gives system_cache (5 %) less than 1 MiB, Hazelcast's"
                    + " smallest bound; it must be at least 20 MiB");
    }

    @Test
    void aMemberAtTheCatalogsMinimumLimitBoundsSystemCacheByOneMib() {
        assertThat(HazelcastConfigFactory.memberConfig(CATALOG, MemberSettings.loopback("wedsync-test", 20 * MIB))
            .getMapConfig("system_cache")
            .getEvictionConfig()
            .getSize()).isEqualTo(1);
    }

    @Test
    void aBudgetSharedOutOfAnotherLimitIsRefused() {
        MemoryBudget other = MemoryBudget.of(CATALOG, 2 * GIB);

        assertThatIllegalArgumentException()
            .isThrownBy(() -> HazelcastConfigFactory.memberConfig(CATALOG, LOOPBACK, other))
            .withMessage("the memory budget was shared out of 2147483648 bytes, the member's memoryLimitBytes is"
                    + " 1073741824");
    }

    @Test
    void withWeddingPriorityWeddingDataIsEvictedByExpiryAndTheOthersByTheirPolicy() {
        EvictionConfig wedding = this.config.getMapConfig("wedding_data").getEvictionConfig();

        assertThat(wedding.getComparator()).isInstanceOf(UpcomingWeddingsLastComparator.class);
        assertThat(wedding.getEvictionPolicy()).isEqualTo(EvictionPolicy.NONE);
        assertThat(this.config.getMapConfig("vendor_responses").getEvictionConfig().getComparator()).isNull();
        assertThat(this.config.getMapConfig("vendor_responses").getEvictionConfig().getEvictionPolicy())
            .isEqualTo(EvictionPolicy.LFU);
        assertThat(this.config.getMapConfig("photo_thumbnails").getEvictionConfig().getComparator()).isNull();
    }

    @Test
    void withoutWeddingPriorityWeddingDataIsEvictedByPlainLru() {
        MemberSettings plain = LOOPBACK.toBuilder().weddingPriority(false).build();

        EvictionConfig wedding = HazelcastConfigFactory.memberConfig(CATALOG, plain)
            .getMapConfig("wedding_data")
            .getEvictionConfig();

        assertThat(wedding.getComparator()).isNull();
        assertThat(wedding.getComparatorClassName()).isNull();
        assertThat(wedding.getEvictionPolicy()).isEqualTo(EvictionPolicy.LRU);
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void everyEvictionConfigPassesHazelcastsOwnValidation(boolean weddingPriority) {
        MemberSettings settings = LOOPBACK.toBuilder().weddingPriority(weddingPriority).build();

        assertThat(HazelcastConfigFactory.memberConfig(CATALOG, settings).getMapConfigs().values())
            .allSatisfy((map) -> ConfigValidator.checkMapEvictionConfig(map.getEvictionConfig()));
    }

    @Test
    void withoutAQuorumNoMapIsSplitBrainProtected() {
        assertThat(this.config.getSplitBrainProtectionConfigs()).isEmpty();
        assertThat(this.config.getMapConfigs().values()).extracting(MapConfig::getSplitBrainProtectionName)
            .containsOnlyNulls();
    }

    @Test
    void withAQuorumOnlyTheProtectedClassesRefuseWritesInASmallerCluster() {
        Config protectedConfig = HazelcastConfigFactory.memberConfig(CATALOG,
                LOOPBACK.withQuorum(new Quorum(2, Duration.ofSeconds(4))));

        SplitBrainProtectionConfig quorum = protectedConfig.getSplitBrainProtectionConfig("wedsync-quorum");
        assertThat(quorum.isEnabled()).isTrue();
        assertThat(quorum.getMinimumClusterSize()).isEqualTo(2);
        assertThat(quorum.getProtectOn()).isEqualTo(SplitBrainProtectionOn.WRITE);
        assertThat(quorum.getFunctionImplementation()).isInstanceOfSatisfying(
                RecentlyActiveSplitBrainProtectionFunction.class,
                (function) -> assertThat(function.getHeartbeatToleranceMillis()).isEqualTo(4000));
        assertThat(protectedConfig.getMapConfig("wedding_data").getSplitBrainProtectionName())
            .isEqualTo("wedsync-quorum");
        assertThat(protectedConfig.getMapConfigs().values()).filteredOn((map) -> !map.getName().equals("wedding_data"))
            .extracting(MapConfig::getSplitBrainProtectionName)
            .containsOnlyNulls();
    }

    @Test
    void aClassTheCatalogProtectsByOverrideGetsTheQuorumToo() {
        Catalog catalog = CatalogLoader.loadDefault(Map.of("system_cache.split-brain-protection", "true"));

        Config protectedConfig = HazelcastConfigFactory.memberConfig(catalog, LOOPBACK.withQuorum(Quorum.of(3)));

        assertThat(protectedConfig.getMapConfig("system_cache").getSplitBrainProtectionName())
            .isEqualTo("wedsync-quorum");
        assertThat(protectedConfig.getSplitBrainProtectionConfig("wedsync-quorum").getMinimumClusterSize())
            .isEqualTo(3);
    }

    @Test
    void everyMapThatMergesByLatestUpdateKeepsPerEntryStatistics() {
        // LatestUpdateMergePolicy compares the entries' last-update times, which
        // per-entry statistics record.
        assertThat(this.config.getMapConfigs().values())
            .filteredOn((map) -> map.getMergePolicyConfig().getPolicy().equals("LatestUpdateMergePolicy"))
            .extracting(MapConfig::getName)
            .contains("wedding_data", "vendor_responses");
        assertThat(this.config.getMapConfigs().values())
            .filteredOn((map) -> map.getMergePolicyConfig().getPolicy().equals("LatestUpdateMergePolicy"))
            .allSatisfy((map) -> assertThat(map.isPerEntryStatsEnabled()).as(map.getName()).isTrue());
    }

    @Test
    void aSubSecondTtlOrMaxIdleIsNotTurnedIntoNoLimit() {
        Catalog subSecond = CatalogLoader.loadDefault(Map.of("system_cache.ttl.min", "200ms", "system_cache.ttl.base",
                "500ms", "system_cache.max-idle", "500ms", "system_cache.near-cache.ttl", "100ms"));

        MapConfig map = HazelcastConfigFactory.memberConfig(subSecond, LOOPBACK).getMapConfig("system_cache");

        assertThat(map.getTimeToLiveSeconds()).isEqualTo(1);
        assertThat(map.getMaxIdleSeconds()).isEqualTo(1);
    }

    @Test
    void theMemberJoinsOnlyTheListedMembersOnItsBindAddress() {
        NetworkConfig network = this.config.getNetworkConfig();
        JoinConfig join = network.getJoin();

        assertThat(this.config.getClusterName()).isEqualTo("wedsync-test");
        assertThat(network.getPort()).isEqualTo(5701);
        assertThat(network.isPortAutoIncrement()).isTrue();
        assertThat(network.getInterfaces().isEnabled()).isTrue();
        assertThat(network.getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1");
        assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
        assertThat(join.getAwsConfig().isEnabled()).isFalse();
    }

    @Test
    void tcpIpUsesEveryMemberGiven() {
        MemberSettings three = LOOPBACK.withMembers(List.of("10.0.0.1", "10.0.0.2:5702", "grid-3"))
            .withPort(5801, false);

        Config built = HazelcastConfigFactory.memberConfig(CATALOG, three);

        assertThat(built.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("10.0.0.1",
                "10.0.0.2:5702", "grid-3");
        assertThat(built.getNetworkConfig().getPort()).isEqualTo(5801);
        assertThat(built.getNetworkConfig().isPortAutoIncrement()).isFalse();
    }

    @Test
    void kubernetesDiscoveryTurnsOnOnlyTheKubernetesJoiner() {
        JoinConfig join = joinWith(Discovery.KUBERNETES);

        assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
        assertThat(join.getAwsConfig().isEnabled()).isFalse();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    }

    @Test
    void awsDiscoveryTurnsOnOnlyTheAwsJoiner() {
        JoinConfig join = joinWith(Discovery.AWS);

        assertThat(join.getAwsConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
        assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    }

    @Test
    @SuppressWarnings("deprecation")
    void restAndMemcacheAreOff() {
        assertThat(this.config.getNetworkConfig().getRestApiConfig().isEnabled()).isFalse();
        assertThat(this.config.getNetworkConfig().getMemcacheProtocolConfig().isEnabled()).isFalse();
    }

    @Test
    void managementCenterSeesMetricsButNoEntriesScriptsOrConsole() {
        assertThat(this.config.getManagementCenterConfig().isDataAccessEnabled()).isFalse();
        assertThat(this.config.getManagementCenterConfig().isScriptingEnabled()).isFalse();
        assertThat(this.config.getManagementCenterConfig().isConsoleEnabled()).isFalse();
        assertThat(this.config.getMetricsConfig().getManagementCenterConfig().isEnabled()).isTrue();
    }

    @Test
    void phoneHomeIsOffAndShutdownIsGracefulWithABoundedWait() {
        assertThat(this.config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(this.config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        assertThat(this.config.getProperty("hazelcast.logging.type")).isEqualTo("slf4j");
        assertThat(this.config.getProperty("hazelcast.shutdownhook.policy")).isEqualTo("GRACEFUL");
        assertThat(this.config.getProperty("hazelcast.graceful.shutdown.max.wait")).isEqualTo("45");
    }

    @Test
    void membersHandWritesToTheirIoThreadsAsTasksUnlessTheJvmSaysOtherwise() {
        String property = HazelcastConfigFactory.SELECTION_KEY_WAKEUP_PROPERTY;
        String before = System.getProperty(property);
        try {
            System.clearProperty(property);
            HazelcastConfigFactory.preferTaskWakeups();
            assertThat(System.getProperty(property)).isEqualTo("false");
            System.setProperty(property, "true");
            HazelcastConfigFactory.preferTaskWakeups();
            assertThat(System.getProperty(property)).as("the JVM's own setting").isEqualTo("true");
        }
        finally {
            if (before == null) {
                System.clearProperty(property);
            }
            else {
                System.setProperty(property, before);
            }
        }
    }

    @Test
    void aSilentMemberIsDroppedAfter8sOfOneSecondHeartbeatsAHealedSplitMergesWithin30sAndBackupsAreAwaited1500Ms() {
        assertThat(this.config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("8");
        assertThat(this.config.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("1");
        assertThat(this.config.getProperty("hazelcast.merge.first.run.delay.seconds")).isEqualTo("30");
        assertThat(this.config.getProperty("hazelcast.operation.backup.timeout.millis")).isEqualTo("1500");
        assertThat(this.config.getProperty("hazelcast.merge.next.run.delay.seconds")).isEqualTo("30");
        assertThat(HazelcastConfigFactory.memberTimeoutSeconds()).isEqualTo(8);
        assertThat(HazelcastConfigFactory.heartbeatIntervalSeconds()).isEqualTo(1);
    }

    @Test
    void theJvmsOwnMemberTimeoutWins() {
        System.setProperty(HazelcastConfigFactory.MEMBER_TIMEOUT_PROPERTY, "6");
        try {
            Config config = HazelcastConfigFactory.memberConfig(CATALOG, LOOPBACK);
            assertThat(config.getProperties()).doesNotContainKey(HazelcastConfigFactory.MEMBER_TIMEOUT_PROPERTY);
            assertThat(HazelcastConfigFactory.memberTimeoutSeconds()).isEqualTo(6);
        }
        finally {
            System.clearProperty(HazelcastConfigFactory.MEMBER_TIMEOUT_PROPERTY);
        }
    }

    @Test
    void javaDeserializationIsLimitedToTheAllowList() {
        JavaSerializationFilterConfig filter = this.config.getSerializationConfig().getJavaSerializationFilterConfig();

        assertThat(filter).isNotNull();
        assertThat(filter.isDefaultsDisabled()).isTrue();
        assertThat(filter.getWhitelist().getPrefixes()).containsExactlyInAnyOrder("com.hazelcast.", "java.lang.");
        assertThat(filter.getWhitelist().getClasses())
            .contains("[Ljava.lang.StackTraceElement;", "java.util.Collections$EmptyList", "java.util.ArrayList")
            .noneMatch((name) -> name.startsWith("com.wedsync."));
        assertThat(filter.getBlacklist().getPrefixes()).containsExactly("com.hazelcast.shaded.");
        assertThat(filter.getWhitelist().getPackages()).isEmpty();
    }

    @Test
    void weddingKeysUseTheirCompactSerializer() {
        var registrations = CompactSerializationConfigAccessor
            .getRegistrations(this.config.getSerializationConfig().getCompactSerializationConfig());

        assertThat(registrations).containsOnlyKeys(WeddingKeySerializer.TYPE_NAME);
        assertThat(registrations.get(WeddingKeySerializer.TYPE_NAME).element1).isEqualTo(WeddingKey.class);
        assertThat(registrations.get(WeddingKeySerializer.TYPE_NAME).element3).isInstanceOf(WeddingKeySerializer.class);
    }

    @Test
    void eachCallBuildsANewConfig() {
        Config other = HazelcastConfigFactory.memberConfig(CATALOG, LOOPBACK);

        assertThat(other).isNotSameAs(this.config);
        assertThat(other.getMapConfig("wedding_data")).isNotSameAs(this.config.getMapConfig("wedding_data"));
    }

    @Test
    void awsPlacementFiltersByTagAndKeepsBackupsInAnotherZone() {
        Config built = HazelcastConfigFactory.memberConfig(CATALOG,
                placed(Discovery.AWS, new Placement("wedsync:cluster", "prod-eu", null, true)));

        assertThat(built.getNetworkConfig().getJoin().getAwsConfig().getProperty("tag-key"))
            .isEqualTo("wedsync:cluster");
        assertThat(built.getNetworkConfig().getJoin().getAwsConfig().getProperty("tag-value")).isEqualTo("prod-eu");
        assertThat(built.getPartitionGroupConfig().isEnabled()).isTrue();
        assertThat(built.getPartitionGroupConfig().getGroupType())
            .isEqualTo(PartitionGroupConfig.MemberGroupType.ZONE_AWARE);
    }

    @Test
    void kubernetesPlacementNamesTheService() {
        Config built = HazelcastConfigFactory.memberConfig(CATALOG,
                placed(Discovery.KUBERNETES, new Placement(null, null, "wedsync-grid-hs", false)));

        assertThat(built.getNetworkConfig().getJoin().getKubernetesConfig().getProperty("service-name"))
            .isEqualTo("wedsync-grid-hs");
        assertThat(built.getPartitionGroupConfig().isEnabled()).isFalse();
    }

    @Test
    void withoutPlacementTheCloudJoinersHaveNoFilters() {
        assertThat(joinWith(Discovery.AWS).getAwsConfig().getProperties()).doesNotContainKeys("tag-key", "tag-value");
        assertThat(joinWith(Discovery.KUBERNETES).getKubernetesConfig().getProperties())
            .doesNotContainKey("service-name");
    }

    private static MemberSettings placed(Discovery discovery, Placement placement) {
        return cloud(discovery).placement(placement).build();
    }

    private static JoinConfig joinWith(Discovery discovery) {
        MemberSettings settings = cloud(discovery).build();
        return HazelcastConfigFactory.memberConfig(CATALOG, settings).getNetworkConfig().getJoin();
    }

    private static MemberSettings.Builder cloud(Discovery discovery) {
        return MemberSettings.builder()
            .clusterName("wedsync-test")
            .members(List.of())
            .bindAddress("10.1.2.3")
            .portAutoIncrement(false)
            .memoryLimitBytes(GIB)
            .discovery(discovery);
    }

}
