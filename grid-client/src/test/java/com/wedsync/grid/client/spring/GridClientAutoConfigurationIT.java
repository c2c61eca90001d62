package com.wedsync.grid.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.TestClients;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;

/**
 * The auto-configured client against one real member: it connects with the bound
 * properties, meters go to the application's registry, the context's close disconnects
 * it, and an application's own client is used instead.
 */
class GridClientAutoConfigurationIT {

    private static LoopbackGrid grid;

    private static ApplicationContextRunner runner;

    @BeforeAll
    static void startGrid() {
        grid = LoopbackGrid.builder().name("grid-client-auto-configuration").start(1);
        runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GridClientAutoConfiguration.class))
            .withPropertyValues("grid.client.cluster-name=" + grid.clusterName(),
                    "grid.client.members=" + String.join(",", grid.addresses()));
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void theClientConnectsAndItsMetersGoToTheApplicationsRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
            GridClient client = context.getBean(GridClient.class);
            client.region(DataClass.SYSTEM_CACHE, String.class).put("motd", "welcome");

            assertThat(client.hazelcast().getCluster().getMembers())
                .containsExactly(grid.members().get(0).getCluster().getLocalMember());
            assertThat(context.getBean(CacheManager.class).getCache("system_cache").get("motd", String.class))
                .isEqualTo("welcome");
            assertThat(context.getBean(MeterRegistry.class)
                .find("grid.region.gets")
                .tag("region", "system_cache")
                .counters()).isNotEmpty();
        });
    }

    @Test
    void withoutARegistryTheMetersGoToTheGlobalRegistry() {
        runner.run((context) -> {
            context.getBean(GridClient.class).region(DataClass.GUEST_INTERACTIONS, String.class).get("rsvp:1");

            assertThat(Metrics.globalRegistry.find("grid.region.gets").tag("region", "guest_interactions").counters())
                .isNotEmpty();
        });
    }

    @Test
    void closingTheContextDisconnectsTheClient() {
        AtomicReference<GridClient> client = new AtomicReference<>();

        runner.run((context) -> client.set(context.getBean(GridClient.class)));

        assertThat(client.get().hazelcast().getLifecycleService().isRunning()).isFalse();
    }

    @Test
    void theApplicationsOwnClientIsUsedInstead() {
        GridClient own = TestClients.connect(grid);

        runner.withBean("ownClient", GridClient.class, () -> own).run((context) -> {
            assertThat(context).getBean(GridClient.class).isSameAs(own);
            assertThat(context.getBean(CacheManager.class).getCache("wedding_data").getNativeCache())
                .isSameAs(own.region(DataClass.WEDDING_DATA, Object.class));
        });
    }

}
