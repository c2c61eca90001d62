package com.wedsync.grid.config;

/**
 * A settings field refused its value. The field and the rule it broke are data, so that a
 * caller that set the field from somewhere else (an environment variable, a property) can
 * name that instead.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    private final String rule;

    private InvalidFieldException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    /**
     * Creates the exception for a value a field refused; its message is
     * {@code field (value) rule}.
     * @param field the field's name
     * @param value the value as the message shows it
     * @param rule what the value must be, starting with "must"
     * @return the exception
     */
    public static InvalidFieldException of(String field, String value, String rule) {
        return new InvalidFieldException(field, rule, field + " (" + value + ") " + rule);
    }

    /**
     * Creates the exception for a rule whose message reads best in its own words: one
     * between fields, or one about an entry of a list.
     * @param field the field to blame
     * @param message the whole message
     * @return the exception
     */
    public static InvalidFieldException worded(String field, String message) {
        return new InvalidFieldException(field, message, message);
    }

    /**
     * Returns the field that refused its value.
     * @return its name, as the settings' accessor spells it
     */
    public String field() {
        return this.field;
    }

    /**
     * Returns what the value must be ("must be between 1 and 65535"), or the whole
     * message of a {@link #worded} rule.
     * @return the rule
     */
    public String rule() {
        return this.rule;
    }

}
