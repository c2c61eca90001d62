package com.wedsync.grid.loadtest.usage;

import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Redis server: CPU time from its own {@code INFO} ({@code used_cpu_user} +
 * {@code used_cpu_sys}, the server's whole process), so it is read wherever the server
 * runs.
 */
public final class RedisSource implements ProcessSource {

    private static final Pattern FIELD = Pattern.compile("^(used_cpu_user|used_cpu_sys|redis_version):(\\S+)",
            Pattern.MULTILINE);

    private final Supplier<String> info;

    private double before = -1;

    /**
     * Creates the source.
     * @param info returns the server's {@code INFO} text ({@code server} and {@code cpu}
     * sections at least)
     */
    public RedisSource(Supplier<String> info) {
        this.info = info;
    }

    @Override
    public String name() {
        return "redis-server";
    }

    @Override
    public String runtime() {
        Matcher matcher = FIELD.matcher(this.info.get());
        while (matcher.find()) {
            if (matcher.group(1).equals("redis_version")) {
                return "Redis " + matcher.group(2);
            }
        }
        return "Redis";
    }

    @Override
    public void begin() {
        this.before = cpuSeconds(this.info.get()).orElse(-1);
    }

    @Override
    public OptionalDouble endCpuSeconds() {
        OptionalDouble after = cpuSeconds(this.info.get());
        return (after.isEmpty() || this.before < 0) ? OptionalDouble.empty()
                : OptionalDouble.of(after.getAsDouble() - this.before);
    }

    @Override
    public GcFigures gc() {
        return null;
    }

    /**
     * Reads the server's CPU seconds from its {@code INFO}.
     * @param info the text
     * @return user + system seconds, empty if either is missing
     */
    static OptionalDouble cpuSeconds(String info) {
        double total = 0;
        int found = 0;
        Matcher matcher = FIELD.matcher(info);
        while (matcher.find()) {
            if (matcher.group(1).startsWith("used_cpu")) {
                total += Double.parseDouble(matcher.group(2));
                found++;
            }
        }
        return (found == 2) ? OptionalDouble.of(total) : OptionalDouble.empty();
    }

}
