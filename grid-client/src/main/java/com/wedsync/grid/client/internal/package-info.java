/**
 * How grid-client works; not API, and free to change in any release. Its one public type
 * is {@link com.wedsync.grid.client.internal.ClientRuntime}, which
 * {@link com.wedsync.grid.client.GridClient} is a face of: everything else is
 * package-private, and only {@code ClientInternals} reaches into Hazelcast's internals.
 */
package com.wedsync.grid.client.internal;
