package com.wedsync.grid.loadtest.usage;

import java.lang.management.ManagementFactory;
import java.util.OptionalDouble;

/**
 * This JVM, the load generator (and any embedded members and the clients it holds): CPU
 * time from the JVM's operating-system bean, pauses from its collectors' notifications.
 */
public final class GeneratorSource implements ProcessSource {

    private final String name;

    private final GcPauseRecorder pauses = new GcPauseRecorder();

    private GcFigures gc;

    private long cpuBefore;

    /**
     * Creates the source.
     * @param name the name in reports, {@code generator}, or {@code generator+members}
     * with embedded members
     */
    public GeneratorSource(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public String runtime() {
        return jvm(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    @Override
    public void begin() {
        this.pauses.start();
        this.cpuBefore = cpuNanos();
    }

    @Override
    public OptionalDouble endCpuSeconds() {
        long after = cpuNanos();
        this.gc = this.pauses.stop();
        return (after < 0 || this.cpuBefore < 0) ? OptionalDouble.empty()
                : OptionalDouble.of((after - this.cpuBefore) / 1e9);
    }

    @Override
    public GcFigures gc() {
        return this.gc;
    }

    /**
     * Describes a JVM in one line.
     * @param version its name and version
     * @param flags its flags
     * @return for example {@code OpenJDK 64-Bit Server VM 17.0.15, flags: -Xmx1g}
     */
    static String jvm(String version, String flags) {
        return version + ", flags: " + (flags.isBlank() ? "(none)" : flags);
    }

    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

}
