package com.wedsync.grid.loadtest.usage;

import com.wedsync.grid.loadtest.nodes.NodeFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One member of a {@link NodeFleet}: CPU time from {@code /proc}, pauses from its own
 * {@code jvm_gc_pause_seconds} (the JVM's notifications, as Micrometer records them on
 * the member).
 */
public final class MemberSource implements ProcessSource {

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);

    private final NodeFleet fleet;

    private final NodeFleet.Member member;

    private double cpuBefore = -1;

    private PrometheusGc gcBefore;

    private GcFigures gc;

    /**
     * Creates the source.
     * @param fleet the fleet, for its scrapes
     * @param member the member
     */
    public MemberSource(NodeFleet fleet, NodeFleet.Member member) {
        this.fleet = fleet;
        this.member = member;
    }

    @Override
    public String name() {
        return this.member.name();
    }

    @Override
    public String runtime() {
        Path home = this.fleet.launch().javaHome();
        String version;
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            version = matcher.find() ? "Java " + matcher.group(1) : home.toString();
        }
        catch (IOException ex) {
            version = home.toString();
        }
        return GeneratorSource.jvm(version, "jvm.options of " + this.fleet.launch().launcher().getFileName() + " + "
                + this.fleet.launch().javaOpts());
    }

    @Override
    public void begin() {
        this.cpuBefore = ProcFs.cpuSeconds(this.member.pid()).orElse(-1);
        this.gcBefore = PrometheusGc.parse(this.fleet.scrape(this.member));
    }

    @Override
    public OptionalDouble endCpuSeconds() {
        OptionalDouble after = ProcFs.cpuSeconds(this.member.pid());
        this.gc = PrometheusGc.parse(this.fleet.scrape(this.member)).since(this.gcBefore);
        return (after.isEmpty() || this.cpuBefore < 0) ? OptionalDouble.empty()
                : OptionalDouble.of(after.getAsDouble() - this.cpuBefore);
    }

    @Override
    public GcFigures gc() {
        return this.gc;
    }

}
