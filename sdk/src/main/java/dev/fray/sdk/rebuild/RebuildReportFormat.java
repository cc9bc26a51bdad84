package dev.fray.sdk.rebuild;

import dev.fray.sdk.fold.GuidCollision;
import dev.fray.sdk.integrity.IntegrityFinding;
import dev.fray.sdk.read.ReadWarning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link RebuildReport} for people (aligned text) and for programs (a JSON-ready map with a
 * {@code schemaVersion}). Commands print these; embedders can use them for logs.
 */
public final class RebuildReportFormat {

    /** Version of the JSON shape; bump when a key changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 1;

    private RebuildReportFormat() {
    }

    public static Map<String, Object> toJson(RebuildReport r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", SCHEMA_VERSION);
        json.put("channel", r.frayDir().toString());
        json.put("cache", r.cacheDb().toString());
        json.put("storageVersion", r.version().number());
        json.put("machines", r.machines());
        json.put("rebuilt", r.rebuilt());
        json.put("reason", r.reason());
        json.put("eventsPerFile", r.eventsPerFile());
        if (r.fold() != null) {
            json.put("unknownTypes", r.fold().read().unknownTypes());
            json.put("conflictCopiesNotRead", r.fold().read().conflictCopies().stream().map(Path::toString).toList());
        }
        json.put("rowsPerTable", r.rowsPerTable());
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (ReadWarning w : r.warnings()) {
            warnings.add(Map.of("file", w.file(), "line", w.line(), "message", w.message()));
        }
        json.put("warnings", warnings);
        List<Map<String, Object>> integrity = new ArrayList<>();
        for (IntegrityFinding f : r.integrity()) {
            integrity.add(Map.of("machine", String.valueOf(f.machine()), "file", String.valueOf(f.file()),
                    "message", f.message()));
        }
        json.put("integrity", integrity);
        List<Map<String, Object>> collisions = new ArrayList<>();
        for (GuidCollision c : r.collisions()) {
            collisions.add(Map.of("type", c.type(), "guid", c.guid(),
                    "machines", c.entries().stream().map(GuidCollision.Entry::machine).toList()));
        }
        json.put("collisions", collisions);
        json.put("elapsedMs", r.elapsed().toMillis());
        return json;
    }

    public static String toText(RebuildReport r, int maxWarnings) {
        StringBuilder out = new StringBuilder();
        out.append("channel   ").append(r.frayDir()).append("  (storage version ").append(r.version().number())
                .append(")\n");
        out.append("cache     ").append(r.cacheDb()).append('\n');
        out.append("machines  ").append(r.machines().isEmpty() ? "(none: v1 layout)" : String.join(", ", r.machines()))
                .append('\n');
        out.append(r.rebuilt() ? "rebuilt   " : "skipped   ").append(r.reason()).append('\n');
        if (!r.eventsPerFile().isEmpty()) {
            out.append("\nevents read per file\n");
            r.eventsPerFile().forEach((file, n) -> out.append(String.format("  %8d  %s%n", n, file)));
        }
        if (r.fold() != null && !r.fold().read().unknownTypes().isEmpty()) {
            out.append("\nunknown record types (ignored)\n");
            r.fold().read().unknownTypes().forEach((t, n) -> out.append(String.format("  %8d  %s%n", n, t)));
        }
        out.append("\nrows per table\n");
        r.rowsPerTable().forEach((table, n) -> out.append(String.format("  %8d  %s%n", n, table)));
        List<String> problems = new ArrayList<>();
        r.warnings().forEach(w -> problems.add("warning: " + w));
        r.integrity().forEach(f -> problems.add("integrity: " + f));
        r.collisions().forEach(c -> problems.add("GUID collision: " + c.type() + " " + c.guid() + " from "
                + c.entries().stream().map(GuidCollision.Entry::machine).toList()));
        if (r.fold() != null) {
            r.fold().read().conflictCopies().forEach(p -> problems.add("not read (sync conflict copy): " + p));
        }
        if (!problems.isEmpty()) {
            out.append('\n');
            problems.stream().limit(maxWarnings).forEach(p -> out.append(p).append('\n'));
            if (problems.size() > maxWarnings) {
                out.append("… and ").append(problems.size() - maxWarnings).append(" more (--verbose lists all)\n");
            }
        }
        out.append(String.format("%ntime      %d ms%n", r.elapsed().toMillis()));
        return out.toString();
    }
}
