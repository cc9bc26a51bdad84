package dev.fray.sdk.integrity;

/**
 * What the ledger claims about one log: its first {@code lines} lines occupy exactly its first {@code bytes}
 * bytes and hash to {@code chain} (lowercase hex; see {@link IntegrityLedger}). A prefix claim: the log may have
 * grown since.
 */
public record LedgerEntry(long lines, long bytes, String chain) {

    /** The claim about an empty log. */
    public static final LedgerEntry EMPTY = new LedgerEntry(0, 0, java.util.HexFormat.of().formatHex(LineChain.ZERO));
}
