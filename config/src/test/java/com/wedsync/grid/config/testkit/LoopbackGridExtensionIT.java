package com.wedsync.grid.config.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs two sample classes through the JUnit launcher: a grid on a static field serves
 * every test of its class, a grid on an instance field serves one test, and each is
 * terminated after.
 */
class LoopbackGridExtensionIT {

    static final List<HazelcastInstance> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void aStaticGridServesTheWholeClassAndIsTerminatedAfterIt() {
        SEEN.clear();

        TestExecutionSummary summary = run(PerClass.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertThat(SEEN.get(0).getLifecycleService().isRunning()).isFalse();
    }

    @Test
    void anInstanceGridServesOneTestAndIsTerminatedAfterIt() {
        SEEN.clear();

        TestExecutionSummary summary = run(PerTest.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
        assertThat(SEEN).noneMatch((member) -> member.getLifecycleService().isRunning());
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(testClass))
            .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerClass {

        @RegisterExtension
        static final LoopbackGridExtension GRID = new LoopbackGridExtension(LoopbackGrid.builder().name("per-class"),
                1);

        @Test
        void a() {
            SEEN.add(GRID.grid().member(0));
        }

        @Test
        void b() {
            SEEN.add(GRID.grid().member(0));
        }

    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerTest {

        @RegisterExtension
        final LoopbackGridExtension grid = new LoopbackGridExtension(LoopbackGrid.builder().name("per-test"), 1);

        @Test
        void a() {
            SEEN.add(this.grid.grid().member(0));
        }

        @Test
        void b() {
            SEEN.add(this.grid.grid().member(0));
        }

    }

}
