package coaching.ledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The table: per row the median of the rounds with min–max, its reference measured in the same
 * rounds, the per-round ratio (paired, then the median), CPU per 1,000 operations, and whether the
 * target holds (judged on the median; a row whose worst round misses it says so).
 */
final class Results {

    enum Goal {
        NONE,
        RATIO_AT_LEAST,
        /** A cost compared with its reference: the ratio must stay at or below the threshold. */
        RATIO_AT_MOST,
        AT_MOST
    }

    static final class Row {
        final String workload;
        final String store;
        final String load;
        final String unit;
        final Goal goal;
        final double threshold;
        final String referenceName;
        final Map<Integer, Measurement> measured = new TreeMap<>();
        final Map<Integer, Measurement> reference = new TreeMap<>();

        Row(
                String workload,
                String store,
                String load,
                String unit,
                Goal goal,
                double threshold,
                String referenceName) {
            this.workload = workload;
            this.store = store;
            this.load = load;
            this.unit = unit;
            this.goal = goal;
            this.threshold = threshold;
            this.referenceName = referenceName;
        }

        List<Double> ratios() {
            List<Double> ratios = new ArrayList<>();
            measured.forEach((round, measurement) -> {
                Measurement ref = reference.get(round);
                if (ref != null && ref.value() > 0) {
                    ratios.add(measurement.value() / ref.value());
                }
            });
            return ratios;
        }

        String target() {
            return switch (goal) {
                case NONE -> "";
                case RATIO_AT_LEAST -> "≥ " + number(threshold) + "× " + referenceName;
                case RATIO_AT_MOST -> "≤ " + number(threshold) + "× " + referenceName;
                case AT_MOST -> "≤ " + number(threshold) + " " + unit;
            };
        }

        String holds() {
            List<Double> judged = goal == Goal.RATIO_AT_LEAST || goal == Goal.RATIO_AT_MOST
                    ? ratios()
                    : measured.values().stream().map(Measurement::value).toList();
            if (goal == Goal.NONE || judged.isEmpty()) {
                return "";
            }
            boolean atLeast = goal == Goal.RATIO_AT_LEAST;
            double median = median(judged);
            boolean medianHolds = atLeast ? median >= threshold : median <= threshold;
            boolean everyRound = judged.stream().allMatch(v -> atLeast ? v >= threshold : v <= threshold);
            if (medianHolds) {
                return everyRound ? "**yes**" : "**yes** (not every round)";
            }
            return "**no**";
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    synchronized Row row(
            String workload,
            String store,
            String load,
            String unit,
            Goal goal,
            double threshold,
            String referenceName) {
        return rows.computeIfAbsent(
                workload + "|" + store + "|" + load,
                key -> new Row(workload, store, load, unit, goal, threshold, referenceName));
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows.values());
    }

    synchronized String markdown() {
        StringBuilder table = new StringBuilder();
        table.append(
                "| workload | store | load | result | reference | ratio | app CPU-ms/1k | PG CPU-ms/1k | target | holds | detail |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows.values()) {
            List<Measurement> measured = List.copyOf(row.measured.values());
            List<Measurement> reference = List.copyOf(row.reference.values());
            table.append("| ")
                    .append(row.workload)
                    .append(" | ")
                    .append(row.store)
                    .append(" | ")
                    .append(row.load)
                    .append(" | ")
                    .append(spread(measured, Measurement::value))
                    .append(' ')
                    .append(row.unit)
                    .append(errors(measured))
                    .append(" | ")
                    .append(
                            reference.isEmpty()
                                    ? ""
                                    : row.referenceName + " " + spread(reference, Measurement::value)
                                            + errors(reference))
                    .append(" | ")
                    .append(row.ratios().isEmpty() ? "" : spreadOf(row.ratios()) + "×")
                    .append(" | ")
                    .append(cpu(measured, Measurement::appCpuMsPer1k))
                    .append(reference.isEmpty() ? "" : " (ref " + cpu(reference, Measurement::appCpuMsPer1k) + ")")
                    .append(" | ")
                    .append(cpu(measured, Measurement::pgCpuMsPer1k))
                    .append(reference.isEmpty() ? "" : " (ref " + cpu(reference, Measurement::pgCpuMsPer1k) + ")")
                    .append(" | ")
                    .append(row.target())
                    .append(" | ")
                    .append(row.holds())
                    .append(" | ")
                    .append(extras(measured))
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            table.append('\n');
            notes.forEach(note -> table.append("- ").append(note).append('\n'));
        }
        return table.toString();
    }

    private static String errors(List<Measurement> measurements) {
        long errors = measurements.stream().mapToLong(Measurement::errors).sum();
        return errors == 0 ? "" : " (" + errors + " errors)";
    }

    private static String extras(List<Measurement> measurements) {
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        measurements.forEach(measurement -> measurement
                .extras()
                .forEach((name, value) ->
                        byName.computeIfAbsent(name, key -> new ArrayList<>()).add(value)));
        return byName.entrySet().stream()
                .map(extra -> extra.getKey() + " " + spreadOf(extra.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String cpu(List<Measurement> measurements, Function<Measurement, Double> field) {
        List<Double> values =
                measurements.stream().map(field).filter(v -> !v.isNaN()).toList();
        return values.isEmpty() ? "n/a" : number(median(values));
    }

    private static String spread(List<Measurement> measurements, Function<Measurement, Double> field) {
        return spreadOf(measurements.stream().map(field).toList());
    }

    /** "median (min–max)", or the single value of a one-round run. */
    static String spreadOf(List<Double> values) {
        List<Double> known = values.stream().filter(v -> !v.isNaN()).toList();
        if (known.isEmpty()) {
            return "n/a";
        }
        double median = median(known);
        if (known.size() == 1) {
            return number(median);
        }
        return number(median) + " ("
                + number(known.stream().mapToDouble(v -> v).min().orElseThrow()) + "–"
                + number(known.stream().mapToDouble(v -> v).max().orElseThrow()) + ")";
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
