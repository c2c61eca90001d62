package com.example.quotes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * A service that asks wedding vendors for quotes and caches their answers in the grid:
 * grid-client's auto-configuration connects to the cluster named in
 * {@code application.properties} and backs {@code @Cacheable} with its data classes.
 */
@SpringBootApplication
@EnableCaching
public class QuoteServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuoteServiceApplication.class, args);
    }

}
