package com.wedsync.grid.node.monitor;

/**
 * Quotes a value that anyone who reaches a member port may have written (a replicated
 * map's key or value) for a log line.
 */
public final class Quoted {

    /** How much of a value is quoted. */
    static final int LIMIT = 64;

    private Quoted() {
    }

    /**
     * Quotes a value: at most {@value #LIMIT} characters, control characters as
     * {@code ?}, so that a forged value can neither forge log lines nor flood them.
     * @param value the value
     * @return it, quoted
     */
    public static String of(Object value) {
        String text = String.valueOf(value);
        StringBuilder quoted = new StringBuilder("'");
        text.codePoints().limit(LIMIT).forEach((c) -> quoted.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return quoted.append((text.codePointCount(0, text.length()) > LIMIT) ? "...'" : "'").toString();
    }

}
