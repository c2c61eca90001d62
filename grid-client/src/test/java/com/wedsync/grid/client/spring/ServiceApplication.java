package com.wedsync.grid.client.spring;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;

/**
 * A service as a user writes it, started in a child JVM by {@link StartFailureReportIT}:
 * auto-configuration and caching enabled, and with the first argument {@code misnamed} a
 * bean whose {@code @Cacheable} names a cache the grid does not have.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableCaching
public class ServiceApplication {

    /**
     * Starts the service; exits with a non-zero status if the start fails.
     * @param args {@code misnamed} first for the misnamed cache, then Spring's arguments
     */
    public static void main(String[] args) {
        boolean misnamed = args.length > 0 && args[0].equals("misnamed");
        Class<?>[] sources = misnamed ? new Class<?>[] { ServiceApplication.class, VendorQuotes.class }
                : new Class<?>[] { ServiceApplication.class };
        SpringApplication.run(sources, misnamed ? Arrays.copyOfRange(args, 1, args.length) : args).close();
        System.out.println("service started and stopped");
    }

    /**
     * Caches vendor quotes under a name that is no data class; a bean only when given as
     * a source (it is no configuration class, so it is not registered as a member class).
     */
    static class VendorQuotes {

        @Cacheable("vendor_quotes")
        public String quote(String vendor) {
            return "quote of " + vendor;
        }

        @CacheEvict("vendor_responses")
        public void forget(String vendor) {
        }

    }

}
