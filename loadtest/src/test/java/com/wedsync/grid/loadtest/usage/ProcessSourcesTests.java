package com.wedsync.grid.loadtest.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessSourcesTests {

    @Test
    void redisCpuIsItsUserAndSystemSecondsFromInfo() {
        AtomicInteger calls = new AtomicInteger();
        RedisSource redis = new RedisSource(() -> (calls.getAndIncrement() == 0)
                ? "# Server\r\nredis_version:7.0.15\r\n# CPU\r\nused_cpu_sys:1.500000\r\nused_cpu_user:2.250000\r\n"
                : "# Server\r\nredis_version:7.0.15\r\n# CPU\r\nused_cpu_sys:2.000000\r\nused_cpu_user:3.000000\r\n");

        redis.begin();

        assertThat(redis.endCpuSeconds().getAsDouble()).isCloseTo(1.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(redis.gc()).isNull();
        assertThat(redis.runtime()).isEqualTo("Redis 7.0.15");
    }

    @Test
    void redisInfoWithoutCpuFiguresGivesNoCpuRatherThanZero() {
        assertThat(RedisSource.cpuSeconds("# Server\r\nredis_version:7.0.15\r\n")).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void concurrentCyclesAreNotPauses() {
        assertThat(GcPauseRecorder.concurrent("ZGC Cycles", "Allocation Rate")).isTrue();
        assertThat(GcPauseRecorder.concurrent("ZGC Major Cycles", "Allocation Rate")).isTrue();
        assertThat(GcPauseRecorder.concurrent("G1 Concurrent GC", "G1 Remark")).isTrue();
        assertThat(GcPauseRecorder.concurrent("G1 Old Generation", "No GC")).isTrue();
        assertThat(GcPauseRecorder.concurrent("ZGC Pauses", "Allocation Rate")).isFalse();
        assertThat(GcPauseRecorder.concurrent("G1 Young Generation", "G1 Evacuation Pause")).isFalse();
    }

    @Test
    void theGeneratorRecordsItsOwnCpu() {
        GeneratorSource generator = new GeneratorSource("generator");
        generator.begin();
        long spin = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long sink = 0;
        while (System.nanoTime() < spin) {
            sink += System.identityHashCode(new Object());
        }
        OptionalDouble cpu = generator.endCpuSeconds();

        assertThat(sink).isNotZero();
        // 100 ms of spinning, less whatever the scheduler gave other processes on a busy
        // machine.
        assertThat(cpu.getAsDouble()).isGreaterThanOrEqualTo(0.01);
        assertThat(generator.gc().maxExact()).isTrue();
        assertThat(generator.runtime()).contains(System.getProperty("java.version"));
    }

    @Test
    void aCollectionIsRecordedAsAPauseFromTheJvmsNotification() {
        GcPauseRecorder recorder = new GcPauseRecorder();
        recorder.start();
        System.gc();
        // The notification arrives on the JVM's own thread, after the collection.
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.count() >= 1);
        GcFigures figures = recorder.stop();

        assertThat(figures.count()).isGreaterThanOrEqualTo(1);
        assertThat(figures.totalMillis()).isGreaterThanOrEqualTo(figures.maxMillis());
        assertThat(figures.maxExact()).isTrue();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aProcessCpuTimeAndTheMachinesStealAreReadFromProc() {
        UsageProbe probe = new UsageProbe(List.of());
        probe.begin();
        probe.end();
        Map<String, Object> usage = probe.result(1_000).toMap();

        assertThat(ProcFs.cpuSeconds(ProcessHandle.current().pid()).getAsDouble()).isPositive();
        assertThat(ProcFs.cpuSeconds(Long.MAX_VALUE)).isEqualTo(OptionalDouble.empty());
        assertThat((double) usage.get("stealShare")).isBetween(0.0, 1.0);
    }

}
