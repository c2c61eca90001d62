package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A value is read as its class on every thread, also on one whose context class loader
 * cannot see the application's classes (a pool's thread; any thread of a Spring Boot fat
 * jar but the application's). Hazelcast loads classes through the client's configured
 * class loader, else only through the thread's, and caches a type it could not load as a
 * GenericRecord for good.
 */
class ValueClassLoadingIT {

    @Test
    void aRecordIsReadAsItsClassOnAThreadWhoseContextClassLoaderCannotSeeIt() throws Exception {
        try (LoopbackGrid grid = LoopbackGrid.builder().name("value-class-loading").start(1);
                GridClient writer = TestClients.connect(grid);
                GridClient reader = TestClients.connect(grid)) {
            writer.region(DataClass.VENDOR_RESPONSES, Quote.class).put("florist", new Quote("florist", 1_200));
            CacheRegion<String, Object> quotes = reader.region(DataClass.VENDOR_RESPONSES, Object.class);

            Object readElsewhere = CompletableFuture.supplyAsync(() -> {
                Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
                return quotes.get("florist");
            }, (task) -> new Thread(task, "platform-class-loader").start()).get(30, TimeUnit.SECONDS);

            assertThat(readElsewhere).isEqualTo(new Quote("florist", 1_200));
            assertThat(writer.region(DataClass.VENDOR_RESPONSES, Quote.class).get("florist"))
                .isEqualTo(new Quote("florist", 1_200));
        }
    }

    record Quote(String vendor, long cents) {
    }

}
