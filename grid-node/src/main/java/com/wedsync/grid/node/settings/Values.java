package com.wedsync.grid.node.settings;

import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values of environment variables, each error naming the variable and the
 * value.
 */
final class Values {

    private static final Pattern MEMORY = Pattern.compile("(\\d+)\\s*([kmg]?)i?b?");

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})?");

    /**
     * Digits and dots only: meant as an IPv4 address (no top-level domain is all digits).
     */
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9]+(\\.[0-9]+)*\\.?");

    /**
     * The longest value any variable may have; a longer one is a mistake (or an attack),
     * not a setting.
     */
    static final int MAX_LENGTH = 4096;

    private final Function<String, String> lookup;

    Values(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    String text(String variable, String defaultValue) {
        String value = this.lookup.apply(variable);
        if (value != null && value.length() > MAX_LENGTH) {
            // Not echoed: it may be the admin token, and it is too long to read anyway.
            throw new InvalidSettingException(variable, "<" + value.length() + " characters>",
                    "is too long; the limit is " + MAX_LENGTH + " characters");
        }
        return (value == null || value.isBlank()) ? defaultValue : value.trim();
    }

    int port(String variable, int defaultValue, int lowest) {
        String value = text(variable, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= lowest && port <= 65535) {
                return port;
            }
        }
        catch (NumberFormatException ex) {
            throw new InvalidSettingException(variable, value, "is not a port number (" + lowest + "-65535)");
        }
        throw new InvalidSettingException(variable, value, "is out of range: a port is " + lowest + "-65535");
    }

    long memorySize(String variable, long defaultValue) {
        String value = text(variable, null);
        if (value == null) {
            return defaultValue;
        }
        Matcher matcher = MEMORY.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new InvalidSettingException(variable, value,
                    "is not a memory size; write a whole number with k, m or g (for example 512m or 2g)");
        }
        int shift = switch (matcher.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        try {
            long amount = Long.parseLong(matcher.group(1));
            if (amount > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException("overflow");
            }
            return amount << shift;
        }
        catch (NumberFormatException ex) {
            throw new InvalidSettingException(variable, value, "is too large to be a memory size");
        }
    }

    boolean bool(String variable, boolean defaultValue) {
        String value = text(variable, null);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(variable, value, "must be true or false");
        };
    }

    Duration duration(String variable, Duration defaultValue) {
        String value = text(variable, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Durations.parse(variable, value);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidSettingException(variable, value, "is not a duration (for example 30s, 2m)");
        }
    }

    <E extends Enum<E>> E choice(String variable, E defaultValue, Class<E> type) {
        String value = text(variable, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (IllegalArgumentException ex) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new InvalidSettingException(variable, value, "is not one of " + names);
        }
    }

    List<String> addresses(String variable, String defaultValue) {
        String value = text(variable, defaultValue);
        List<String> addresses = new ArrayList<>();
        for (String part : value.split(",")) {
            String address = part.trim();
            if (address.isEmpty()) {
                continue;
            }
            String problem = addressProblem(address);
            if (problem != null) {
                throw new InvalidSettingException(variable, value,
                        "has a bad member address '" + address + "': " + problem);
            }
            addresses.add(address);
        }
        if (addresses.isEmpty()) {
            throw new InvalidSettingException(variable, value, "lists no member address (host or host:port)");
        }
        return List.copyOf(addresses);
    }

    Map<String, String> pairs(String variable) {
        String value = text(variable, "");
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new InvalidSettingException(variable, value, "has '" + part.trim() + "', not field=value");
            }
            pairs.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
        }
        return pairs;
    }

    static String addressProblem(String address) {
        int colon = address.lastIndexOf(':');
        String host = (colon < 0) ? address : address.substring(0, colon);
        if (!HOST.matcher(host).matches()) {
            return "'" + host + "' is not a host name or IPv4 address";
        }
        if (DOTTED_NUMBERS.matcher(host).matches()) {
            String[] octets = host.split("\\.");
            if (octets.length != 4 || java.util.Arrays.stream(octets)
                .anyMatch((octet) -> octet.length() > 3 || Integer.parseInt(octet) > 255)) {
                return "'" + host + "' is not an IPv4 address (four numbers 0-255)";
            }
        }
        if (colon >= 0) {
            String port = address.substring(colon + 1);
            try {
                int number = Integer.parseInt(port);
                if (number < 1 || number > 65535) {
                    return "port " + port + " is out of range 1-65535";
                }
            }
            catch (NumberFormatException ex) {
                return "port '" + port + "' is not a number";
            }
        }
        return null;
    }

}
