/**
 * Who this checkout is in a v2 channel: machine id rules ({@link dev.fray.sdk.identity.MachineIds}), the
 * {@code local/machine-id} file ({@link dev.fray.sdk.identity.MachineIdFile}), the flock'd per-machine sequence
 * counter ({@link dev.fray.sdk.identity.SequenceCounter}) and joining a channel
 * ({@link dev.fray.sdk.identity.MachineInit}).
 */
package dev.fray.sdk.identity;
