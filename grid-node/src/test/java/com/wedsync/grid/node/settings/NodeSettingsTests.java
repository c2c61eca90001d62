package com.wedsync.grid.node.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.hazelcast.Discovery;
import com.wedsync.grid.config.hazelcast.Placement;
import com.wedsync.grid.config.hazelcast.Quorum;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeSettingsTests {

    private static final long HEAP = 1L << 30;

    @Test
    void noEnvironmentGivesAOneMemberGridOnLoopback() {
        NodeSettings settings = NodeSettings.read(Map.<String, String>of()::get, HEAP);

        assertThat(settings.member().clusterName()).isEqualTo("wedsync-grid");
        assertThat(settings.member().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.member().members()).containsExactly("127.0.0.1");
        assertThat(settings.member().port()).isEqualTo(5701);
        assertThat(settings.member().portAutoIncrement()).isTrue();
        assertThat(settings.member().discovery()).isEqualTo(Discovery.TCP_IP);
        assertThat(settings.member().weddingPriority()).isTrue();
        assertThat(settings.member().memoryLimitBytes()).isEqualTo(HEAP / 100 * 40);
        assertThat(settings.member().shutdownTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.adminToken()).isEmpty();
    }

    @Test
    void everyVariableOfTheContractIsRead() {
        Map<String, String> env = Map.of("GRID_CLUSTER_NAME", "prod-eu", "GRID_MEMBERS",
                "10.0.0.1:5701, node-2 ,node-3:5702", "GRID_BIND_ADDRESS", "10.0.0.1", "GRID_PORT", "5801",
                "GRID_HTTP_PORT", "9090", "GRID_MEMORY_LIMIT", "512m", "GRID_ADMIN_TOKEN", "s3cret-token-of-the-node",
                "WEDDING_PRIORITY_ENABLED", "false", "GRID_DISCOVERY", "kubernetes", "GRID_SHUTDOWN_TIMEOUT", "2m");

        NodeSettings settings = NodeSettings.read(env::get, HEAP);

        assertThat(settings.member().clusterName()).isEqualTo("prod-eu");
        assertThat(settings.member().members()).containsExactly("10.0.0.1:5701", "node-2", "node-3:5702");
        assertThat(settings.member().bindAddress()).isEqualTo("10.0.0.1");
        assertThat(settings.member().port()).isEqualTo(5801);
        assertThat(settings.httpPort()).isEqualTo(9090);
        assertThat(settings.member().memoryLimitBytes()).isEqualTo(512L << 20);
        assertThat(settings.adminToken()).contains("s3cret-token-of-the-node");
        assertThat(settings.member().weddingPriority()).isFalse();
        assertThat(settings.member().discovery()).isEqualTo(Discovery.KUBERNETES);
        assertThat(settings.member().shutdownTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void cloudPlacementIsReadForTheDiscoveryThatUsesIt() {
        NodeSettings aws = NodeSettings.read(Map.of("GRID_DISCOVERY", "aws", "GRID_AWS_TAG_KEY", "wedsync:cluster",
                "GRID_AWS_TAG_VALUE", "prod-eu", "GRID_PARTITION_GROUP", "zone-aware")::get, HEAP);
        NodeSettings kubernetes = NodeSettings
            .read(Map.of("GRID_DISCOVERY", "kubernetes", "GRID_KUBERNETES_SERVICE_NAME", "wedsync-grid-hs")::get, HEAP);

        assertThat(aws.member().placement()).isEqualTo(new Placement("wedsync:cluster", "prod-eu", null, true));
        assertThat(kubernetes.member().placement()).isEqualTo(new Placement(null, null, "wedsync-grid-hs", false));
        assertThat(NodeSettings.read(Map.<String, String>of()::get, HEAP).member().placement())
            .isEqualTo(Placement.NONE);
    }

    @Test
    void anAwsTagThatIsNotOneIsRejectedNamingTheVariable() {
        Map<String, String> env = Map.of("GRID_DISCOVERY", "aws", "GRID_AWS_TAG_KEY", "k", "GRID_AWS_TAG_VALUE",
                "semi;colon");

        assertThatThrownBy(() -> NodeSettings.read(env::get, HEAP)).isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith("GRID_AWS_TAG_VALUE='semi;colon' must be 1-256 letters");
    }

    @Test
    void alertSettingsAreRead() {
        Map<String, String> env = Map.of("GRID_ALERT_WEBHOOK", "https://hooks.example/grid?key=k1",
                "GRID_ALERT_OVERRIDES", "latency.critical=1.5ms, memory.raise-after=2", "SATURDAY_BOOST_MULTIPLIER",
                "4", "WEDDING_SEASON_MULTIPLIER", "1.25");

        NodeSettings settings = NodeSettings.read(env::get, HEAP);

        assertThat(settings.alertWebhook()).contains(java.net.URI.create("https://hooks.example/grid?key=k1"));
        assertThat(
                settings.alertRules().rule("latency").threshold(com.wedsync.grid.node.alerts.rules.Severity.CRITICAL))
            .isEqualTo(1.5);
        assertThat(settings.alertRules().rule("memory").raiseAfter()).isEqualTo(2);
        assertThat(settings.trafficMultipliers().saturday()).isEqualTo(4);
        assertThat(settings.trafficMultipliers().season()).isEqualTo(1.25);
    }

    @Test
    void withoutAlertSettingsTheShippedRulesApplyAndNoWebhookIsCalled() {
        NodeSettings settings = NodeSettings.read(Map.<String, String>of()::get, HEAP);

        assertThat(settings.alertWebhook()).isEmpty();
        assertThat(settings.alertRules().ids()).contains("latency", "hit_rate", "memory", "member_left",
                "partition_lost");
        assertThat(settings.trafficMultipliers())
            .isEqualTo(com.wedsync.grid.config.calendar.TrafficMultipliers.DEFAULTS);
    }

    @Test
    void catalogOverridesAreApplied() {
        Map<String, String> env = Map.of("GRID_CATALOG_OVERRIDES",
                "wedding_data.backup-count=3, protection-window=10d");

        NodeSettings settings = NodeSettings.read(env::get, HEAP);

        assertThat(settings.catalog().policy(DataClass.WEDDING_DATA).backupCount()).isEqualTo(3);
        assertThat(settings.catalog().protectionWindow()).isEqualTo(Duration.ofDays(10));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    GRID_MEMORY_LIMIT        | 12qb              | GRID_MEMORY_LIMIT='12qb' is not a memory size
                    GRID_MEMORY_LIMIT        | 2g                | GRID_MEMORY_LIMIT='2g' is larger than the JVM's maximum heap (1024 MiB)
                    GRID_MEMORY_LIMIT        | 10m               | GRID_MEMORY_LIMIT='10m' is too small: system_cache (5 %) would get under 1 MiB, Hazelcast's smallest bound; use at least 20m
                    GRID_MEMORY_LIMIT        | 99999999999999999999g | GRID_MEMORY_LIMIT='99999999999999999999g' is too large to be a memory size
                    GRID_MEMORY_LIMIT        | 8589934592g       | GRID_MEMORY_LIMIT='8589934592g' is too large to be a memory size
                    GRID_PORT                | abc               | GRID_PORT='abc' is not a port number (1-65535)
                    GRID_PORT                | 70000             | GRID_PORT='70000' is out of range: a port is 1-65535
                    GRID_HTTP_PORT           | -1                | GRID_HTTP_PORT='-1' is out of range: a port is 0-65535
                    GRID_MEMBERS             | 127.0.0.1:99999   | GRID_MEMBERS='127.0.0.1:99999' has a bad member address '127.0.0.1:99999': port 99999 is out of range 1-65535
                    GRID_MEMBERS             | host_1:5701       | GRID_MEMBERS='host_1:5701' has a bad member address 'host_1:5701': 'host_1' is not a host name or IPv4 address
                    GRID_MEMBERS             | node:port         | GRID_MEMBERS='node:port' has a bad member address 'node:port': port 'port' is not a number
                    GRID_BIND_ADDRESS        | ::1               | GRID_BIND_ADDRESS='::1' is not an interface address
                    WEDDING_PRIORITY_ENABLED | yes               | WEDDING_PRIORITY_ENABLED='yes' must be true or false
                    GRID_DISCOVERY           | multicast         | GRID_DISCOVERY='multicast' is not one of [tcp-ip, kubernetes, aws]
                    GRID_SHUTDOWN_TIMEOUT    | soon              | GRID_SHUTDOWN_TIMEOUT='soon' is not a duration
                    GRID_SHUTDOWN_TIMEOUT    | 500ms             | GRID_SHUTDOWN_TIMEOUT='500ms' must be at least 1s
                    GRID_BIND_ADDRESS        | 999.1.1.1         | GRID_BIND_ADDRESS='999.1.1.1' is not an interface address
                    GRID_MEMBERS             | 10.0.0.256:5701   | GRID_MEMBERS='10.0.0.256:5701' has a bad member address '10.0.0.256:5701': '10.0.0.256' is not an IPv4 address (four numbers 0-255)
                    GRID_MEMBERS             | 10.0.1            | GRID_MEMBERS='10.0.1' has a bad member address '10.0.1': '10.0.1' is not an IPv4 address (four numbers 0-255)
                    GRID_CLUSTER_NAME        | my cluster        | GRID_CLUSTER_NAME='my cluster' is not usable: clusterName ('my cluster') must be
                    GRID_CATALOG_OVERRIDES   | wedding_data.ttl  | GRID_CATALOG_OVERRIDES='wedding_data.ttl' has 'wedding_data.ttl', not field=value
                    GRID_CATALOG_OVERRIDES   | system_cache.memory-share=6 | GRID_CATALOG_OVERRIDES='system_cache.memory-share=6' catalog: the memory-share values add up to 101 %
                    GRID_ALERT_WEBHOOK       | ftp://hooks.example/x | GRID_ALERT_WEBHOOK='ftp://hooks.example/x' is not an http or https URL
                    GRID_ALERT_WEBHOOK       | hooks.example/alerts | GRID_ALERT_WEBHOOK='hooks.example/alerts' is not an http or https URL
                    GRID_ALERT_WEBHOOK       | http://a b/         | GRID_ALERT_WEBHOOK='http://a b/' is not a URL
                    GRID_ALERT_WEBHOOK       | https://user:pw@hooks.example/x | GRID_ALERT_WEBHOOK='https://user:pw@hooks.example/x' needs a host, and no user:password@
                    GRID_ALERT_OVERRIDES     | latency.critical=0.1ms | GRID_ALERT_OVERRIDES='latency.critical=0.1ms' alerts: latency.critical (0.1ms) must be above latency.warning (0.5ms)
                    GRID_ALERT_OVERRIDES     | latency.soon=1ms  | GRID_ALERT_OVERRIDES='latency.soon=1ms' alerts: override 'latency.soon=1ms' names no field
                    SATURDAY_BOOST_MULTIPLIER | 500             | SATURDAY_BOOST_MULTIPLIER='500' must be a number between 1 and 100
                    WEDDING_SEASON_MULTIPLIER | x1.5            | WEDDING_SEASON_MULTIPLIER='x1.5' must be a number between 1 and 100
                    GRID_AWS_TAG_KEY         | wedsync:cluster   | GRID_AWS_TAG_KEY='wedsync:cluster' needs GRID_AWS_TAG_VALUE too
                    GRID_AWS_TAG_VALUE       | prod              | GRID_AWS_TAG_VALUE='prod' needs GRID_AWS_TAG_KEY too
                    GRID_KUBERNETES_SERVICE_NAME | Grid_Svc      | GRID_KUBERNETES_SERVICE_NAME='Grid_Svc' must be a DNS label
                    GRID_PARTITION_GROUP     | rack-aware        | GRID_PARTITION_GROUP='rack-aware' is not one of [none, zone-aware]
                    GRID_PARTITION_GROUP     | zone-aware        | GRID_PARTITION_GROUP='zone-aware' needs GRID_DISCOVERY aws or kubernetes
                    CACHE_MEMORY_LIMIT_GB    | 4                 | CACHE_MEMORY_LIMIT_GB='4' is not read: set GRID_MEMORY_LIMIT instead (for example 4g)
                    CACHE_TTL_SECONDS        | 3600              | CACHE_TTL_SECONDS='3600' is not read: TTLs are per data class; set GRID_CATALOG_OVERRIDES instead (for example wedding_data.ttl.base=24h)
                    """)
    void aBadValueIsRejectedWithOneLineNamingTheVariableAndTheValue(String variable, String value, String message) {
        Map<String, String> env = Map.of(variable, value);

        assertThatThrownBy(() -> NodeSettings.read(env::get, HEAP)).isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith(message)
            .hasMessageNotContaining("\n")
            .satisfies((ex) -> assertThat(((InvalidSettingException) ex).variable()).isEqualTo(variable));
    }

    @Test
    void theAdminTokenIsNeverEchoedInAnError() {
        Map<String, String> env = Map.of("GRID_ADMIN_TOKEN", "two words");

        assertThatThrownBy(() -> NodeSettings.read(env::get, HEAP))
            .hasMessage("GRID_ADMIN_TOKEN='<hidden>' must not contain white space");
    }

    @Test
    void anAdminTokenShorterThan16CharactersIsRefusedWithoutEchoingIt() {
        Map<String, String> env = Map.of("GRID_ADMIN_TOKEN", "fifteen-chars-x");

        assertThatThrownBy(() -> NodeSettings.read(env::get, HEAP)).isInstanceOf(InvalidSettingException.class)
            .hasMessage("GRID_ADMIN_TOKEN='<15 characters>' is too short; a token has at least 16 characters"
                    + " (for example `openssl rand -hex 32`)")
            .hasMessageNotContaining("fifteen");
        assertThat(NodeSettings.read(Map.of("GRID_ADMIN_TOKEN", "sixteen-chars-xx")::get, HEAP).adminToken())
            .as("the limit itself")
            .contains("sixteen-chars-xx");
        assertThatThrownBy(() -> NodeSettings.read(Map.of("GRID_ADMIN_TOKEN", "1")::get, HEAP))
            .hasMessageStartingWith("GRID_ADMIN_TOKEN='<1 characters>' is too short");
    }

    @Test
    void blankVariablesCountAsUnset() {
        Map<String, String> env = Map.of("GRID_PORT", "  ", "GRID_MEMBERS", "");

        NodeSettings settings = NodeSettings.read(env::get, HEAP);

        assertThat(settings.member().port()).isEqualTo(5701);
        assertThat(settings.member().members()).isEqualTo(List.of("127.0.0.1"));
    }

    @ParameterizedTest
    @CsvSource({ "104857600, 104857600", "51200k, 52428800", "64m, 67108864", "64MB, 67108864", "1g, 1073741824",
            "1GiB, 1073741824" })
    void memorySizesAreReadInTheUsualForms(String text, long bytes) {
        Map<String, String> env = Map.of("GRID_MEMORY_LIMIT", text);

        assertThat(NodeSettings.read(env::get, 4L << 30).member().memoryLimitBytes()).isEqualTo(bytes);
    }

    @Test
    void withoutAQuorumVariableAOneMemberGridTakesEveryWrite() {
        NodeSettings settings = NodeSettings.read(Map.<String, String>of()::get, HEAP);

        assertThat(settings.member().quorum()).isEqualTo(Quorum.OFF);
    }

    @Test
    void theQuorumAndItsHeartbeatToleranceAreRead() {
        NodeSettings settings = NodeSettings
            .read(Map.of("GRID_QUORUM_MIN_MEMBERS", "2", "GRID_QUORUM_HEARTBEAT_TOLERANCE", "6s")::get, HEAP);

        assertThat(settings.member().quorum()).isEqualTo(new Quorum(2, Duration.ofSeconds(6)));
        assertThat(NodeSettings.read(Map.of("GRID_QUORUM_MIN_MEMBERS", "3")::get, HEAP).member().quorum())
            .isEqualTo(new Quorum(3, Quorum.DEFAULT_HEARTBEAT_TOLERANCE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            textBlock = """
                    GRID_QUORUM_MIN_MEMBERS         | 1     | GRID_QUORUM_MIN_MEMBERS='1' must be at least 2 (leave it unset for no split-brain protection)
                    GRID_QUORUM_MIN_MEMBERS         | 0     | GRID_QUORUM_MIN_MEMBERS='0' must be at least 2 (leave it unset for no split-brain protection)
                    GRID_QUORUM_MIN_MEMBERS         | -3    | GRID_QUORUM_MIN_MEMBERS='-3' must be at least 2 (leave it unset for no split-brain protection)
                    GRID_QUORUM_MIN_MEMBERS         | two   | GRID_QUORUM_MIN_MEMBERS='two' is not a whole number of members (2 or more)
                    GRID_QUORUM_HEARTBEAT_TOLERANCE | 500ms | GRID_QUORUM_HEARTBEAT_TOLERANCE='500ms' must be between 1s and 24d
                    GRID_QUORUM_HEARTBEAT_TOLERANCE | soon  | GRID_QUORUM_HEARTBEAT_TOLERANCE='soon' is not a duration (for example 30s, 2m)
                    GRID_QUORUM_HEARTBEAT_TOLERANCE | 8s    | GRID_QUORUM_HEARTBEAT_TOLERANCE='8s' must be longer than the heartbeat interval (1s, hazelcast.heartbeat.interval.seconds) and shorter than the member timeout (8s, hazelcast.max.no.heartbeat.seconds)
                    GRID_QUORUM_HEARTBEAT_TOLERANCE | 1s    | GRID_QUORUM_HEARTBEAT_TOLERANCE='1s' must be longer than the heartbeat interval (1s, hazelcast.heartbeat.interval.seconds) and shorter than the member timeout (8s, hazelcast.max.no.heartbeat.seconds)
                    """)
    void aBadQuorumSettingIsRejectedNamingTheVariableAndTheValue(String variable, String value, String message) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(variable, value));
        env.putIfAbsent("GRID_QUORUM_MIN_MEMBERS", "2");
        assertThatThrownBy(() -> NodeSettings.read(env::get, HEAP)).isInstanceOf(InvalidSettingException.class)
            .hasMessage(message)
            .satisfies((ex) -> assertThat(((InvalidSettingException) ex).variable()).isEqualTo(variable));
    }

}
