package com.wedsync.grid.client.spring;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cache annotation ({@code @Cacheable}, {@code @CachePut}, {@code @CacheEvict}) names a
 * cache that the grid does not have; found when the application starts, not at the first
 * call.
 */
public class UnknownCacheException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     * @param unknown each unknown cache name, with the method whose annotation names it
     * ({@code VendorQuoteService.quote})
     * @param known the caches there are
     */
    public UnknownCacheException(Map<String, String> unknown, Collection<String> known) {
        super(unknown.entrySet()
            .stream()
            .map((entry) -> "'" + entry.getKey() + "' (" + entry.getValue() + ")")
            .collect(Collectors.joining(", ", "no grid cache is named ", "; the caches are the data classes "))
                + String.join(", ", known));
    }

}
