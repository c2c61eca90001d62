package com.wedsync.grid.node.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The environment contract fed with random maps (each variable absent, valid-looking or
 * junk): every case ends in settings or an {@link InvalidSettingException} naming one of
 * the contract's variables, never another exception, an error or a hang.
 */
class NodeSettingsPropertyTests {

    private static final long HEAP = 1L << 30;

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final List<String> VARIABLES = List.of(NodeSettings.CLUSTER_NAME, NodeSettings.MEMBERS,
            NodeSettings.BIND_ADDRESS, NodeSettings.PORT, NodeSettings.HTTP_PORT, NodeSettings.MEMORY_LIMIT,
            NodeSettings.ADMIN_TOKEN, NodeSettings.WEDDING_PRIORITY, NodeSettings.DISCOVERY,
            NodeSettings.SHUTDOWN_TIMEOUT, NodeSettings.CATALOG_OVERRIDES, NodeSettings.ALERT_OVERRIDES,
            NodeSettings.ALERT_WEBHOOK, NodeSettings.AWS_TAG_KEY, NodeSettings.AWS_TAG_VALUE,
            NodeSettings.KUBERNETES_SERVICE_NAME, NodeSettings.PARTITION_GROUP, NodeSettings.QUORUM_MIN_MEMBERS,
            NodeSettings.QUORUM_HEARTBEAT_TOLERANCE, "SATURDAY_BOOST_MULTIPLIER", "WEDDING_SEASON_MULTIPLIER",
            "CACHE_COMPRESSION_THRESHOLD");

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool((task) -> {
        Thread thread = new Thread(task, "settings-case");
        thread.setDaemon(true);
        return thread;
    });

    @Property(tries = 400)
    void aRandomEnvironmentGivesSettingsOrAnErrorNamingAVariable(@ForAll("environments") Map<String, String> env)
            throws InterruptedException {
        Future<NodeSettings> read = RUNNER.submit(() -> NodeSettings.read(env::get, HEAP));
        try {
            assertThat(read.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
        }
        catch (TimeoutException ex) {
            read.cancel(true);
            fail("no outcome within " + TIMEOUT + " for " + env);
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof InvalidSettingException invalid)) {
                throw new AssertionError(env + " ended in " + ex.getCause(), ex.getCause());
            }
            assertThat(VARIABLES).as(invalid.getMessage()).contains(invalid.variable());
            assertThat(invalid.getMessage()).startsWith(invalid.variable() + "='");
        }
    }

    @Provide
    Arbitrary<Map<String, String>> environments() {
        return Arbitraries.of(VARIABLES)
            .set()
            .ofMaxSize(VARIABLES.size())
            .flatMap((chosen) -> Arbitraries
                .maps(Arbitraries.of(chosen.isEmpty() ? List.of("UNUSED") : chosen), values())
                .ofMaxSize(chosen.size()))
            .map(HashMap::new);
    }

    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30), Arbitraries.strings().all().ofMaxLength(10),
                Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("", " ", "0", "1", "-1", "65535", "65536", "5701", "2147483648", "99999999999999999999",
                        "1.5", "NaN", "Infinity", "1e309", "true", "false", "yes", "512m", "2g", "64mib", "0b",
                        "9223372036854775807g", "1k", "30s", "-5s", "0s", "PT-1S", "P9999999999D",
                        "PT2562047788015216H", "127.0.0.1", "127.0.0.1:5701", "a:b:c", "host:", ":5701", "[::1]:5701",
                        "::1", "10.0.0.1,10.0.0.2:5702", ",,,", "aws", "kubernetes", "tcp-ip", "zone-aware", "none",
                        "http://hooks.example/x", "https://u:p@h/x", "ftp://h/x", "http://", "http://h/#f", "::",
                        "wedding_data.backup-count=3", "wedding_data.backup-count", "=x", "a=b=c",
                        "protection-window=-1d", "memory.warning=20%", "memory.warning=abc", "nope.x=1",
                        "token with space", "t0ken", "t0ken-of-16-char", "2", "3", "500ms", "5s", "60s",
                        "wedding_data.split-brain-protection=maybe"));
    }

}
