package com.example.quotes;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Vendors' quotes, cached in the grid's {@code vendor_responses} data class (the cache
 * names are the catalog's data classes). The key is a {@code WeddingKey}, so all of a
 * wedding's entries live in one partition of the grid.
 */
@Service
public class VendorQuoteService {

    private static final String KEY = "new com.wedsync.grid.config.key.WeddingKey(#weddingId, 'quote:' + #vendorId)";

    private final AtomicInteger vendorCalls = new AtomicInteger();

    /**
     * Returns a vendor's quote for a wedding, asking the vendor only when the grid does
     * not have it.
     * @param weddingId the wedding
     * @param vendorId the vendor
     * @return the quote
     */
    @Cacheable(cacheNames = "vendor_responses", key = KEY)
    public VendorQuote quote(String weddingId, String vendorId) {
        return askVendor(weddingId, vendorId);
    }

    /**
     * Forgets a quote, for every service that shares the grid: the next {@link #quote}
     * asks the vendor again.
     * @param weddingId the wedding
     * @param vendorId the vendor
     */
    @CacheEvict(cacheNames = "vendor_responses", key = KEY)
    public void forget(String weddingId, String vendorId) {
    }

    /**
     * Returns how often the vendor was really asked, in this JVM.
     * @return the number of vendor calls
     */
    public int vendorCalls() {
        return this.vendorCalls.get();
    }

    /** Stands in for the slow call to the vendor's API. */
    private VendorQuote askVendor(String weddingId, String vendorId) {
        this.vendorCalls.incrementAndGet();
        long priceCents = 100_000 + Math.floorMod((weddingId + vendorId).hashCode(), 900_000);
        return new VendorQuote(weddingId, vendorId, priceCents, "EUR");
    }

}
