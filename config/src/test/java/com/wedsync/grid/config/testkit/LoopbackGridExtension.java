package com.wedsync.grid.config.testkit;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link LoopbackGrid} for a test class and closes it after. Registered on a
 * {@code static} field, one grid serves every test of the class; on an instance field,
 * each test gets a grid of its own.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LoopbackGridExtension GRID = new LoopbackGridExtension(
 *         LoopbackGrid.builder().name("routing"), 2);
 *
 * &#64;Test
 * void routesByWedding() {
 *     HazelcastInstance member = GRID.grid().member(0);
 * }
 * </pre>
 */
public final class LoopbackGridExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final LoopbackGrid.Builder builder;

    private final int members;

    private LoopbackGrid grid;

    private boolean perTest;

    /**
     * Describes the grid to start.
     * @param builder the grid's builder
     * @param members how many members to start
     */
    public LoopbackGridExtension(LoopbackGrid.Builder builder, int members) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.members = members;
    }

    /**
     * Returns the running grid.
     * @return the grid
     * @throws IllegalStateException outside a test of the class that registered the
     * extension
     */
    public LoopbackGrid grid() {
        if (this.grid == null) {
            throw new IllegalStateException("the loopback grid runs only during the tests of its class");
        }
        return this.grid;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        this.grid = this.builder.start(this.members);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (this.grid == null) {
            this.perTest = true;
            this.grid = this.builder.start(this.members);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (this.perTest) {
            closeGrid();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeGrid();
    }

    private void closeGrid() {
        if (this.grid != null) {
            LoopbackGrid closing = this.grid;
            this.grid = null;
            closing.close();
        }
    }

}
