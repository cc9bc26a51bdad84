package dev.fray.sdk.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading a channel's logs found: records read per file (in listing order), records of unknown types (per
 * type), every skipped line with its file and 1-based line number, and sync-tool conflict copies that were not read.
 */
public record ReadReport(Map<String, Long> recordsPerFile, Map<String, Long> unknownTypes,
        List<ReadWarning> warnings, List<Path> conflictCopies) {

    /** Collects a report while reading; not thread-safe. */
    public static final class Builder {
        private final Map<String, Long> recordsPerFile = new LinkedHashMap<>();
        private final Map<String, Long> unknownTypes = new TreeMap<>();
        private final List<ReadWarning> warnings = new ArrayList<>();
        private final List<Path> conflictCopies = new ArrayList<>();

        public void fileSeen(String file) {
            recordsPerFile.putIfAbsent(file, 0L);
        }

        public void recordRead(String file) {
            recordsPerFile.merge(file, 1L, Long::sum);
        }

        /** Takes back a {@link #recordRead} for a record found invalid later (decoded strictly after indexing). */
        public void recordUnread(String file) {
            recordsPerFile.merge(file, -1L, Long::sum);
        }

        public void unknownType(String type) {
            unknownTypes.merge(type, 1L, Long::sum);
        }

        public void warn(String file, long line, String message) {
            warnings.add(new ReadWarning(file, line, message));
        }

        public void conflictCopies(List<Path> copies) {
            conflictCopies.addAll(copies);
        }

        /**
         * The report. Warnings are in reading order — files in the order they were seen, then line number; warnings
         * about files not read as logs last — whatever order they were found in (some lines are only checked in the
         * fold's second pass).
         */
        public ReadReport build() {
            Map<String, Integer> fileOrder = new java.util.HashMap<>();
            recordsPerFile.keySet().forEach(f -> fileOrder.put(f, fileOrder.size()));
            List<ReadWarning> sorted = new ArrayList<>(warnings);
            sorted.sort(java.util.Comparator
                    .<ReadWarning>comparingInt(w -> fileOrder.getOrDefault(w.file(), Integer.MAX_VALUE))
                    .thenComparingLong(w -> fileOrder.containsKey(w.file()) ? w.line() : 0));
            return new ReadReport(Map.copyOf(recordsPerFile), Map.copyOf(unknownTypes), List.copyOf(sorted),
                    List.copyOf(conflictCopies));
        }
    }
}
