package com.wedsync.grid.client.spring;

import com.wedsync.grid.client.GridClientSettings;

/**
 * Changes the settings the auto-configured {@code GridClient} is built from, after the
 * {@code grid.client.*} properties. Customizer beans are applied in their {@code @Order};
 * each receives the previous one's result.
 */
@FunctionalInterface
public interface GridClientSettingsCustomizer {

    /**
     * Customizes the settings.
     * @param settings the settings so far
     * @return the settings to use; settings are immutable, so return a changed copy (a
     * {@code with...} method)
     */
    GridClientSettings customize(GridClientSettings settings);

}
