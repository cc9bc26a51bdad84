/**
 * Migration of a v1 (single-machine) channel to the v2 multi-machine layout, step for step as
 * {@code fray migrate --multi-machine} does it ({@link dev.fray.sdk.migrate.V1ToV2Migration}), but safe to interrupt:
 * before the {@code shared/.v2} commit point a failed or crashed attempt is undone, after it the remaining steps are
 * finished by {@link dev.fray.sdk.migrate.V1ToV2Migration#resume}.
 */
package dev.fray.sdk.migrate;
