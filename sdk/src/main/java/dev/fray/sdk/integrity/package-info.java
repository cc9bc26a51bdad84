/**
 * Tamper and damage detection for machine logs without fray's shared, rewritten-in-place checksum file:
 * per-machine hash-chain ledgers ({@link dev.fray.sdk.integrity.IntegrityLedger}) and their verification, plus a
 * read-only check of fray's {@code shared/checksums.json} ({@link dev.fray.sdk.integrity.IntegrityVerifier}).
 */
package dev.fray.sdk.integrity;
