package com.wedsync.grid.config.catalog;

/**
 * A catalog that cannot be used: the message names the field and the value at fault.
 */
public class CatalogException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     * @param message what is wrong, naming the field and the value
     */
    public CatalogException(String message) {
        super(message);
    }

}
