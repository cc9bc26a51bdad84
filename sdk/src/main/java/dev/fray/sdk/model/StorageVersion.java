package dev.fray.sdk.model;

/** The two on-disk layouts of a channel. */
public enum StorageVersion {
    /** Legacy single-machine layout: every log at {@code .fray/}. */
    V1(1),
    /** Multi-machine layout: per-machine logs under {@code .fray/shared/machines/<id>/}. */
    V2(2);

    private final int number;

    StorageVersion(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public boolean isMultiMachine() {
        return this == V2;
    }

    /** fray's rule: a configured value of 2 or more means multi-machine, anything else legacy. */
    public static StorageVersion fromConfigValue(int value) {
        return value >= 2 ? V2 : V1;
    }
}
