package com.wedsync.grid.node;

import com.wedsync.grid.node.jvm.JvmSettingsCheck;
import com.wedsync.grid.node.member.MemberStarter;
import com.wedsync.grid.node.settings.HostChecks;
import com.wedsync.grid.node.settings.InvalidSettingException;
import com.wedsync.grid.node.settings.NodeSettings;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The grid node: a Spring Boot application embedding one Hazelcast member.
 */
@SpringBootApplication
public class GridNodeApplication {

    /** The exit code of a node that cannot start with its settings. */
    public static final int EXIT_BAD_SETTINGS = 2;

    private static final String FJP_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /**
     * Reads and validates the environment, then starts the member in the background and
     * the Spring application beside it. A bad setting ends the JVM with
     * {@value #EXIT_BAD_SETTINGS} and one line on standard error naming the variable and
     * its value.
     * @param args Spring Boot command-line arguments
     */
    public static void main(String[] args) {
        // On a 2-CPU machine the common pool has parallelism 1, and Hazelcast's async
        // callbacks then start a thread each: set it before anything touches the pool,
        // unless the launch settings already did.
        if (System.getProperty(FJP_PARALLELISM) == null) {
            System.setProperty(FJP_PARALLELISM,
                    String.valueOf(Math.max(4, Runtime.getRuntime().availableProcessors())));
        }
        NodeSettings settings;
        try {
            settings = NodeSettings.read(System::getenv, Runtime.getRuntime().maxMemory());
            HostChecks.requireLocalBindAddress(settings.member().bindAddress());
            HostChecks.requireFreeMemberPort(settings.member().bindAddress(), settings.member().port());
            HostChecks.requireFreeHttpPort(settings.httpPort());
        }
        catch (InvalidSettingException ex) {
            System.err.println("grid-node: cannot start: " + ex.getMessage());
            System.exit(EXIT_BAD_SETTINGS);
            return;
        }
        AtomicReference<MemberStarter> member = new AtomicReference<>();
        SpringApplication application = new SpringApplication(GridNodeApplication.class);
        application.setDefaultProperties(Map.of("server.port", settings.httpPort()));
        application.addInitializers((context) -> {
            // Logging is set up by now, so the member logs like the rest of the node; it
            // starts beside the context.
            member.set(MemberStarter.start(settings));
            context.getBeanFactory().registerSingleton("nodeSettings", settings);
            context.getBeanFactory().registerSingleton("memberStarter", member.get());
        });
        try {
            application.run(args);
        }
        catch (RuntimeException ex) {
            // Spring has reported why; a member started for a node that never came up
            // must not keep the JVM alive.
            Optional.ofNullable(member.get()).ifPresent(MemberStarter::abort);
            System.exit(1);
        }
        JvmSettingsCheck.checkThisJvm()
            .ifPresent((differing) -> org.slf4j.LoggerFactory.getLogger(GridNodeApplication.class)
                .warn("event=jvm_settings_differ flags=[{}] hint=these JVM settings pause longer than the shipped ones "
                        + "(docs/performance.md); start the node with grid-node/bin/grid-node or add jvm.options",
                        differing));
        if (ForkJoinPool.getCommonPoolParallelism() < 2) {
            org.slf4j.LoggerFactory.getLogger(GridNodeApplication.class)
                .warn("event=fork_join_parallelism value={} hint=set -D{}=4 before the pool is first used",
                        ForkJoinPool.getCommonPoolParallelism(), FJP_PARALLELISM);
        }
    }

}
