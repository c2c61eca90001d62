package com.wedsync.grid.benchmarks;

import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Vendor-API responses as the vendor_responses class stores them: JSON quotes with line
 * items, made up.
 */
final class VendorResponses {

    private static final String[] VENDORS = { "Bloom & Petal Florists", "Harbour View Catering", "Silver Lining Bands",
            "Lakeside Photography Co.", "Velvet Rope Venues", "Sugar & Spire Cakes" };

    private static final String[] PRODUCTS = { "Garden rose centrepiece", "Bridal bouquet, peony and ranunculus",
            "Buttonhole, white freesia", "Three-course dinner, seasonal menu", "Canapé selection (6 per guest)",
            "Evening buffet, street-food style", "Ceremony string quartet (45 min)", "DJ and lighting, 5 hours",
            "Second photographer, full day", "Fine-art album, 40 pages", "Four-tier naked cake, lemon and elderflower",
            "Chair covers with sash", "Festoon lighting, 50 m" };

    private static final String[] COLOURS = { "blush", "ivory", "sage", "dusty blue", "burgundy", "champagne" };

    private static final String[] NOTES = { "Delivery to the venue's service entrance before 10:00.",
            "Price includes set-up and collection the following morning.",
            "Dietary requirements must be confirmed 14 days before the event.",
            "Substitutions of like-for-like stems may apply in low season.", "", "",
            "VAT at the standard rate applies to all items." };

    private VendorResponses() {
    }

    /**
     * Returns one quote of at least the given length: the same text for the same length.
     * @param minChars the shortest acceptable length, in characters
     * @return the JSON document
     */
    static String quote(int minChars) {
        Random random = new Random(42);
        StringBuilder json = new StringBuilder(minChars + 512);
        String vendor = VENDORS[random.nextInt(VENDORS.length)];
        json.append("{\"quoteId\":\"")
            .append(new UUID(random.nextLong(), random.nextLong()))
            .append("\",\"weddingId\":\"w-2026-06-13-0042\",\"vendor\":{\"id\":\"v-")
            .append(10_000 + random.nextInt(90_000))
            .append("\",\"name\":\"")
            .append(vendor)
            .append("\",\"rating\":")
            .append(String.format(Locale.ROOT, "%.1f", 3.5 + random.nextDouble() * 1.5))
            .append("},\"currency\":\"GBP\",\"issuedAt\":\"2026-03-")
            .append(10 + random.nextInt(18))
            .append("T")
            .append(10 + random.nextInt(9))
            .append(":")
            .append(10 + random.nextInt(49))
            .append(":00Z\",\"validUntil\":\"2026-05-01\",\"items\":[");
        double total = 0;
        for (int line = 1; json.length() < minChars - 400; line++) {
            int quantity = 1 + random.nextInt(150);
            double unitPrice = Math.round((2 + random.nextDouble() * 400) * 100) / 100.0;
            double lineTotal = Math.round(quantity * unitPrice * 100) / 100.0;
            total += lineTotal;
            if (line > 1) {
                json.append(',');
            }
            json.append("{\"line\":")
                .append(line)
                .append(",\"sku\":\"")
                .append((char) ('A' + random.nextInt(26)))
                .append((char) ('A' + random.nextInt(26)))
                .append('-')
                .append(10_000 + random.nextInt(90_000))
                .append("\",\"description\":\"")
                .append(PRODUCTS[random.nextInt(PRODUCTS.length)])
                .append(", ")
                .append(COLOURS[random.nextInt(COLOURS.length)])
                .append("\",\"quantity\":")
                .append(quantity)
                .append(",\"unitPrice\":")
                .append(String.format(Locale.ROOT, "%.2f", unitPrice))
                .append(",\"total\":")
                .append(String.format(Locale.ROOT, "%.2f", lineTotal))
                .append(",\"available\":")
                .append(random.nextInt(10) > 0)
                .append(",\"notes\":\"")
                .append(NOTES[random.nextInt(NOTES.length)])
                .append("\"}");
        }
        json.append("],\"subtotal\":")
            .append(String.format(Locale.ROOT, "%.2f", total))
            .append(",\"deposit\":")
            .append(String.format(Locale.ROOT, "%.2f", total * 0.25))
            .append(",\"terms\":\"25% deposit on booking; balance 30 days before the wedding. ")
            .append("Cancellations within 90 days forfeit the deposit.\",\"contact\":{\"name\":\"")
            .append("Alex Morgan\",\"email\":\"bookings@example.com\",\"phone\":\"+44 20 7946 0")
            .append(100 + random.nextInt(899))
            .append("\"}}");
        return json.toString();
    }

}
