/**
 * Spring support for the grid client: {@code grid.client.*} properties,
 * auto-configuration of a {@code GridClient}, and a Spring
 * {@link org.springframework.cache.CacheManager} over its regions, so that
 * {@code @Cacheable} works. Everything here is optional: the client itself needs no
 * Spring.
 */
package com.wedsync.grid.client.spring;
