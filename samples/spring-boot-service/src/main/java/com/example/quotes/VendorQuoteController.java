package com.example.quotes;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Vendors' quotes over HTTP. */
@RestController
@RequestMapping("/weddings/{weddingId}/vendors/{vendorId}/quote")
class VendorQuoteController {

    private final VendorQuoteService quotes;

    VendorQuoteController(VendorQuoteService quotes) {
        this.quotes = quotes;
    }

    @GetMapping
    VendorQuote quote(@PathVariable String weddingId, @PathVariable String vendorId) {
        return this.quotes.quote(weddingId, vendorId);
    }

    @DeleteMapping
    ResponseEntity<Void> forget(@PathVariable String weddingId, @PathVariable String vendorId) {
        this.quotes.forget(weddingId, vendorId);
        return ResponseEntity.noContent().build();
    }

}
