package coaching.ledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two versions of the ledger side by side: the tables of one-round bench runs {@code before-<round>.md}
 * and {@code after-<round>.md} (bench/compare.sh runs them interleaved), per row the median of each
 * version's rounds and the ratio after ÷ before paired by round, since the two runs of a round share
 * the machine's state. Each run's own references (pgbench, the plain reader) get rows too: their
 * before/after ratio is the machine's noise, the band the rows above it must be read within.
 */
final class Comparison {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?");
    private static final Pattern RUN = Pattern.compile("(before|after)-([0-9]+)\\.md");

    /** One row of the table: its figures per round, for each version. */
    static final class Series {
        final String label;
        final String unit;
        final Map<Integer, Double> before = new TreeMap<>();
        final Map<Integer, Double> after = new TreeMap<>();

        Series(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        /** after ÷ before for every round that has both. */
        List<Double> pairedRatios() {
            List<Double> ratios = new ArrayList<>();
            before.forEach((round, value) -> {
                Double later = after.get(round);
                if (later != null && value > 0) {
                    ratios.add(later / value);
                }
            });
            return ratios;
        }

        Map<Integer, Double> of(boolean isAfter) {
            return isAfter ? after : before;
        }
    }

    private final Map<String, Series> rows = new LinkedHashMap<>();
    private final Map<String, Series> cpu = new LinkedHashMap<>();
    private final Map<String, Series> references = new LinkedHashMap<>();

    /** Reads every {@code before-N.md} and {@code after-N.md} of {@code directory}. */
    static Comparison of(Path directory) {
        Comparison comparison = new Comparison();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                Matcher run = RUN.matcher(file.getFileName().toString());
                if (run.matches()) {
                    comparison.add(
                            run.group(1).equals("after"), Integer.parseInt(run.group(2)), Files.readString(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return comparison;
    }

    /** Takes the rows of one run's table (one round: each cell holds a single figure). */
    void add(boolean isAfter, int round, String table) {
        for (String line : table.lines().toList()) {
            String[] cells = line.split("\\|", -1);
            if (cells.length < 9 || !cells[1].strip().startsWith("W")) {
                continue;
            }
            String label = cells[1].strip() + " | " + cells[2].strip() + " | " + cells[3].strip();
            String result = cells[4].strip();
            put(rows, label, unitOf(result), isAfter, round, numberIn(result));
            put(cpu, label, "", isAfter, round, numberIn(cells[7]));
            String reference = cells[5].strip();
            if (!reference.isEmpty()) {
                Matcher figure = NUMBER.matcher(reference);
                String name = (figure.find() ? reference.substring(0, figure.start()) : reference).strip();
                String where = name.equals("pgbench") ? cells[3].strip().replaceAll(",.*", "") : cells[2].strip();
                put(references, "reference: " + name + " | " + where + " |", "", isAfter, round, numberIn(reference));
            }
        }
    }

    private static void put(
            Map<String, Series> series, String label, String unit, boolean isAfter, int round, double value) {
        if (!Double.isNaN(value)) {
            series.computeIfAbsent(label, key -> new Series(label, unit))
                    .of(isAfter)
                    .put(round, value);
        }
    }

    String markdown() {
        StringBuilder table = new StringBuilder();
        table.append(
                "| workload | store | load | before | after | after ÷ before, paired by round | app CPU-ms/1k before → after |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        rows.values().forEach(row -> line(table, row, cpu.get(row.label)));
        references.values().forEach(reference -> line(table, reference, null));
        table.append(
                "\nCells: median of the rounds (min–max). The reference rows are each version's own run of the"
                        + " reference in the same round: their ratio is the machine's drift between two runs, not the ledger's.\n");
        return table.toString();
    }

    private static void line(StringBuilder table, Series row, Series cpu) {
        table.append("| ")
                .append(row.label)
                .append(" | ")
                .append(spread(row.before.values()))
                .append(row.unit.isEmpty() ? "" : " " + row.unit)
                .append(" | ")
                .append(spread(row.after.values()))
                .append(row.unit.isEmpty() ? "" : " " + row.unit)
                .append(" | ")
                .append(row.pairedRatios().isEmpty() ? "" : Results.spreadOf(row.pairedRatios()) + "×")
                .append(" | ")
                .append(cpu == null ? "" : spread(cpu.before.values()) + " → " + spread(cpu.after.values()))
                .append(" |\n");
    }

    private static String spread(Collection<Double> values) {
        return Results.spreadOf(List.copyOf(values));
    }

    /** The first number of a cell ("1,642 cmd/s", "pgbench 9,948", "n/a" → NaN). */
    static double numberIn(String cell) {
        Matcher number = NUMBER.matcher(cell);
        return number.find() ? Double.parseDouble(number.group().replace(",", "")) : Double.NaN;
    }

    private static String unitOf(String result) {
        Matcher number = NUMBER.matcher(result);
        return number.find()
                ? result.substring(number.end()).replaceAll("\\(.*", "").strip()
                : "";
    }

    Map<String, Series> rows() {
        return rows;
    }

    Map<String, Series> references() {
        return references;
    }
}
