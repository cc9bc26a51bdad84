/**
 * The fray-jvm plugin contract.
 *
 * <p>This package is small and stable on purpose: it has no third-party dependencies, and new hooks are only ever
 * added as {@code default} methods so that existing plugins keep working. The SDK depends on it, never the reverse.
 *
 * <ul>
 *   <li>{@link dev.fray.spi.StorageBackend}: where a channel's append-only logs live and how bytes reach them.</li>
 *   <li>{@link dev.fray.spi.LogAddress}: the name of one log (a machine's file, or a machine-local file).</li>
 * </ul>
 */
package dev.fray.spi;
