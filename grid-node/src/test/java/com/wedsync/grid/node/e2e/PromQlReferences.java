package com.wedsync.grid.node.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series a PromQL expression reads: each metric or recording-rule name it selects,
 * with the label matchers that test for equality. Enough of PromQL for what our rules and
 * dashboard write: functions, aggregations with {@code by}/{@code without}, vector
 * matching ({@code on}, {@code ignoring}, {@code group_left}), set operators,
 * {@code offset}, ranges and subqueries, strings; and Grafana's
 * {@code label_values(metric, label)}.
 */
final class PromQlReferences {

    /** Keywords followed by a parenthesised list of label names, which are not series. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    /**
     * Aggregation operators (which may precede {@code by}) and other keywords that are
     * not series.
     */
    private static final Set<String> KEYWORDS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
            "count_values", "bottomk", "topk", "quantile", "and", "or", "unless", "offset", "bool", "inf", "nan",
            "atan2");

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*(\\w+)\\s*,\\s*\\w+\\s*\\)");

    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String expr;

    private final List<Selector> selectors = new ArrayList<>();

    private int position;

    private PromQlReferences(String expr) {
        this.expr = expr;
    }

    /**
     * Returns the series an expression selects, in order of appearance.
     * @param expr a PromQL expression, or a Grafana {@code label_values(metric, label)}
     * query
     * @return its selectors
     */
    static List<Selector> of(String expr) {
        Matcher labelValues = LABEL_VALUES.matcher(expr.strip());
        if (labelValues.matches()) {
            return List.of(new Selector(labelValues.group(1), Map.of()));
        }
        PromQlReferences parser = new PromQlReferences(expr);
        parser.parse();
        return parser.selectors;
    }

    private void parse() {
        while (this.position < this.expr.length()) {
            char c = this.expr.charAt(this.position);
            if (c == '"' || c == '\'' || c == '`') {
                skipString(c);
            }
            else if (c == '[') {
                skipPast(']');
            }
            else if (c == '{') {
                skipPast('}');
            }
            else if (c == '$' || Character.isDigit(c) || c == '.') {
                skipWord();
            }
            else if (Character.isLetter(c) || c == '_' || c == ':') {
                identifier();
            }
            else {
                this.position++;
            }
        }
    }

    private void identifier() {
        int start = this.position;
        while (this.position < this.expr.length() && isNameChar(this.expr.charAt(this.position))) {
            this.position++;
        }
        String name = this.expr.substring(start, this.position);
        char next = nextNonSpace();
        if (LABEL_LISTS.contains(name)) {
            if (next == '(') {
                skipPast(')');
            }
        }
        else if (!KEYWORDS.contains(name) && next != '(') {
            this.selectors.add(new Selector(name, (next == '{') ? matchers() : Map.of()));
        }
    }

    private Map<String, String> matchers() {
        int open = this.expr.indexOf('{', this.position);
        int close = this.expr.indexOf('}', open);
        Map<String, String> equalities = new LinkedHashMap<>();
        Matcher matcher = MATCHER.matcher(this.expr.substring(open + 1, close));
        while (matcher.find()) {
            if (matcher.group(2).equals("=")) {
                equalities.put(matcher.group(1), matcher.group(3));
            }
        }
        this.position = close + 1;
        return equalities;
    }

    private char nextNonSpace() {
        int i = this.position;
        while (i < this.expr.length() && Character.isWhitespace(this.expr.charAt(i))) {
            i++;
        }
        if (i < this.expr.length() && this.expr.charAt(i) == '{') {
            this.position = i;
        }
        return (i < this.expr.length()) ? this.expr.charAt(i) : ' ';
    }

    private void skipString(char quote) {
        this.position++;
        while (this.position < this.expr.length() && this.expr.charAt(this.position) != quote) {
            this.position += (this.expr.charAt(this.position) == '\\') ? 2 : 1;
        }
        this.position++;
    }

    private void skipPast(char end) {
        int close = this.expr.indexOf(end, this.position);
        this.position = (close < 0) ? this.expr.length() : close + 1;
    }

    private void skipWord() {
        this.position++;
        while (this.position < this.expr.length()
                && (isNameChar(this.expr.charAt(this.position)) || this.expr.charAt(this.position) == '.')) {
            this.position++;
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    /**
     * One series an expression selects.
     *
     * @param name the metric or recording-rule name
     * @param equalities its {@code label="value"} matchers (regex and negative matchers
     * are left out)
     */
    record Selector(String name, Map<String, String> equalities) {

        /**
         * Tells whether the name is a recording rule's ({@code level:metric:operations}).
         */
        boolean isRecorded() {
            return this.name.contains(":");
        }
    }

}
