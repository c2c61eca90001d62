package com.wedsync.grid.loadtest.workload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A small, fixed set of pre-generated values of one shape, so a workload writes realistic
 * bytes without allocating per operation. The arrays are shared by every operation and
 * must never be modified.
 */
public final class ValuePool {

    /** The default number of values in a pool. */
    public static final int DEFAULT_SIZE = 16;

    private static final String[] WORDS = { "confirmed", "pending", "ceremony", "reception", "florist", "catering",
            "photographer", "venue", "menu", "vegetarian", "table", "arrival", "deposit", "invoice", "schedule",
            "guest", "rsvp", "accepted", "declined", "music", "dj", "band", "cake", "transport", "hotel", "timeline",
            "notes", "garden", "chapel", "dinner", };

    private static final String[] KEYS = { "id", "status", "name", "note", "time", "amount", "tag", "updated" };

    private final byte[][] values;

    private ValuePool(byte[][] values) {
        this.values = values;
    }

    /**
     * Generates a pool.
     * @param shape the size range and content of the values
     * @param count how many values, at least 1
     * @param seed the seed the sizes and bytes come from
     * @return the pool
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public static ValuePool generate(ValueShape shape, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("ValuePool.count must be at least 1, was " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            int size = shape.minBytes() + random.nextInt(shape.maxBytes() - shape.minBytes() + 1);
            values[i] = switch (shape.content()) {
                case JSON -> json(size, random);
                case RANDOM -> randomBytes(size, random);
                case ASCII -> ascii(size, random);
            };
        }
        return new ValuePool(values);
    }

    /**
     * Picks one of the values, uniformly.
     * @param random the calling thread's random
     * @return a shared value; never modify it
     */
    public byte[] pick(SplittableRandom random) {
        return this.values[random.nextInt(this.values.length)];
    }

    /**
     * Returns how many values the pool holds.
     * @return the count
     */
    public int size() {
        return this.values.length;
    }

    /**
     * Returns one value of the pool.
     * @param index in {@code [0, size())}
     * @return the shared value; never modify it
     */
    public byte[] get(int index) {
        return this.values[index];
    }

    private static byte[] randomBytes(int size, SplittableRandom random) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i += Long.BYTES) {
            long bits = random.nextLong();
            for (int j = 0; j < Long.BYTES && i + j < size; j++) {
                bytes[i + j] = (byte) (bits >>> (8 * j));
            }
        }
        return bytes;
    }

    private static byte[] ascii(int size, SplittableRandom random) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (' ' + 1 + random.nextInt(94));
        }
        return bytes;
    }

    /**
     * JSON-like text of exactly {@code size} bytes: an array of small records, padded
     * inside the last string (values shorter than the bare envelope are cut).
     */
    private static byte[] json(int size, SplittableRandom random) {
        String head = "{\"items\":[";
        String tail = "],\"pad\":\"\"}";
        StringBuilder text = new StringBuilder(size + 64).append(head);
        StringBuilder entry = new StringBuilder(128);
        boolean first = true;
        while (true) {
            entry.setLength(0);
            entry.append(first ? "{" : ",{");
            int fields = 3 + random.nextInt(4);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    entry.append(',');
                }
                entry.append('"').append(KEYS[random.nextInt(KEYS.length)]).append("\":");
                if (random.nextInt(3) == 0) {
                    entry.append(random.nextInt(100_000));
                }
                else {
                    entry.append('"')
                        .append(WORDS[random.nextInt(WORDS.length)])
                        .append(' ')
                        .append(WORDS[random.nextInt(WORDS.length)])
                        .append('"');
                }
            }
            entry.append('}');
            if (text.length() + entry.length() + tail.length() > size) {
                break;
            }
            text.append(entry);
            first = false;
        }
        text.append(tail);
        byte[] bytes = Arrays.copyOf(text.toString().getBytes(StandardCharsets.UTF_8), size);
        if (text.length() < size) {
            System.arraycopy(bytes, text.length() - 2, bytes, size - 2, 2);
            for (int i = text.length() - 2; i < size - 2; i++) {
                bytes[i] = (byte) WORDS[(i / 8) % WORDS.length].charAt(0);
            }
        }
        return bytes;
    }

}
