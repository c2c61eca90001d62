package com.wedsync.grid.node.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A JSON Schema (2020-12) check of the keywords our schemas use: {@code type},
 * {@code required}, {@code properties}, {@code additionalProperties}, {@code items},
 * {@code minItems}, {@code enum}, {@code const}, {@code minimum}, {@code maximum},
 * {@code pattern} and {@code $ref} to {@code #/$defs/...}. Any other keyword in a schema
 * is an error rather than silently ignored. (No validator library resolves offline here.)
 */
final class JsonSchemaCheck {

    private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$defs", "title", "description", "type",
            "required", "properties", "additionalProperties", "items", "minItems", "enum", "const", "minimum",
            "maximum", "pattern", "$ref");

    private final JsonNode root;

    private final List<String> errors = new ArrayList<>();

    private JsonSchemaCheck(JsonNode root) {
        this.root = root;
    }

    /**
     * Checks a document against a schema.
     * @param schema the schema
     * @param document the document
     * @return the violations, each as {@code /json/pointer: what is wrong}; empty when
     * the document conforms
     */
    static List<String> check(JsonNode schema, JsonNode document) {
        JsonSchemaCheck check = new JsonSchemaCheck(schema);
        check.check(schema, document, "");
        return check.errors;
    }

    private void check(JsonNode schema, JsonNode value, String at) {
        schema.propertyNames()
            .stream()
            .filter((keyword) -> !KEYWORDS.contains(keyword))
            .forEach((keyword) -> this.errors.add(at + ": the schema uses '" + keyword + "', which is not checked"));
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asString()), value, at);
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            this.errors.add(at + ": " + value.getNodeType().name().toLowerCase(Locale.ROOT) + " is not of type "
                    + schema.get("type"));
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            this.errors.add(at + ": " + value + " is not " + schema.get("const"));
        }
        if (schema.has("enum")
                && schema.get("enum").values().stream().noneMatch((option) -> sameValue(option, value))) {
            this.errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        checkNumber(schema, value, at);
        if (value.isString() && schema.has("pattern")
                && !Pattern.compile(schema.get("pattern").asString()).matcher(value.asString()).find()) {
            this.errors.add(at + ": '" + value.asString() + "' does not match " + schema.get("pattern").asString());
        }
        if (value.isObject()) {
            checkObject(schema, value, at);
        }
        if (value.isArray()) {
            checkArray(schema, value, at);
        }
    }

    private void checkNumber(JsonNode schema, JsonNode value, String at) {
        if (!value.isNumber()) {
            return;
        }
        if (schema.has("minimum") && value.doubleValue() < schema.get("minimum").doubleValue()) {
            this.errors.add(at + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.doubleValue() > schema.get("maximum").doubleValue()) {
            this.errors.add(at + ": " + value + " is above the maximum " + schema.get("maximum"));
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at) {
        for (JsonNode name : schema.path("required").values()) {
            if (!value.has(name.asString())) {
                this.errors.add(at + ": '" + name.asString() + "' is required");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> property : value.properties()) {
            String where = at + "/" + property.getKey();
            if (properties.has(property.getKey())) {
                check(properties.get(property.getKey()), property.getValue(), where);
            }
            else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                this.errors.add(where + ": not allowed here (allowed: " + properties.propertyNames() + ")");
            }
            else if (additional != null && additional.isObject()) {
                check(additional, property.getValue(), where);
            }
        }
    }

    private void checkArray(JsonNode schema, JsonNode value, String at) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").intValue()) {
            this.errors.add(at + ": " + value.size() + " items, fewer than " + schema.get("minItems"));
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "/" + i);
            }
        }
    }

    private JsonNode resolve(String ref) {
        String prefix = "#/$defs/";
        JsonNode target = ref.startsWith(prefix) ? this.root.path("$defs").path(ref.substring(prefix.length())) : null;
        if (target == null || target.isMissingNode()) {
            throw new IllegalArgumentException("cannot resolve $ref " + ref + " (only " + prefix + "... is supported)");
        }
        return target;
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            return type.values().stream().anyMatch((one) -> hasType(one, value));
        }
        return switch (type.asString()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "number" -> value.isNumber();
            case "integer" ->
                value.isIntegralNumber() || (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()));
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean sameValue(JsonNode option, JsonNode value) {
        if (option.isNumber() && value.isNumber()) {
            return option.doubleValue() == value.doubleValue();
        }
        return option.equals(value);
    }

}
