/**
 * Durable file I/O that interoperates with fray: {@link dev.fray.sdk.io.Flock} (real {@code flock(2)}),
 * {@link dev.fray.sdk.io.LogAppender} (one-write, fsynced, locked JSONL appends), {@link dev.fray.sdk.io.AppendSession}
 * and {@link dev.fray.sdk.io.HeldFile} (the same appends and locks on descriptors a writer keeps open),
 * {@link dev.fray.sdk.io.DurableFiles} (atomic replace/create with directory fsync) and
 * {@link dev.fray.sdk.json.GoJson} (JSON bytes as Go's encoder writes them).
 */
package dev.fray.sdk.io;
