package com.example.quotes;

/**
 * A vendor's quote for one wedding. A record: Hazelcast stores it in its Compact format
 * with no set-up.
 *
 * @param weddingId the wedding
 * @param vendorId the vendor
 * @param priceCents the quoted price, in cents
 * @param currency the price's ISO 4217 currency code
 */
public record VendorQuote(String weddingId, String vendorId, long priceCents, String currency) {
}
