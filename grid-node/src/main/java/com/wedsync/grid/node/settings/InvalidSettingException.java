package com.wedsync.grid.node.settings;

/**
 * A setting of the environment contract that the node cannot start with. The message is
 * one line that names the variable and the value, fit to be the only thing an operator
 * reads.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String variable;

    /**
     * Creates the exception.
     * @param variable the environment variable, for example {@code GRID_MEMORY_LIMIT}
     * @param value the value it had
     * @param problem what is wrong with it
     */
    public InvalidSettingException(String variable, String value, String problem) {
        super(variable + "='" + value + "' " + problem);
        this.variable = variable;
    }

    /**
     * Returns the variable at fault.
     * @return the environment variable's name
     */
    public String variable() {
        return this.variable;
    }

}
