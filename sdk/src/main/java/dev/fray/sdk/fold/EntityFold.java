package dev.fray.sdk.fold;

/** Folds the records of one entity, in merge order, then emits the entity's final rows. */
interface EntityFold {
    void apply(FoldEvent e);

    void finish(FoldContext out);
}
