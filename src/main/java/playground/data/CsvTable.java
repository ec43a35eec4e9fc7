package playground.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a bundled CSV (header line, numbers, the target in the last column) from the classpath
 * {@code datasets/}. A class-name target is turned into its index in {@code classes}.
 */
final class CsvTable {
    private CsvTable() {}

    /** @param classes the class names in index order, or null for a numeric target */
    static Samples read(String resource, List<String> classes) {
        String path = "datasets/" + resource;
        try (InputStream in = CsvTable.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing bundled data set " + path);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            int columns = header.split(",").length;
            List<String[]> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) continue;
                String[] cells = line.split(",");
                if (cells.length != columns) {
                    throw new IllegalStateException(path + ": expected " + columns + " cells, got " + cells.length);
                }
                lines.add(cells);
            }
            int features = columns - 1, rows = lines.size();
            double[] x = new double[rows * features];
            double[] y = new double[rows];
            for (int r = 0; r < rows; r++) {
                String[] cells = lines.get(r);
                for (int j = 0; j < features; j++) x[r * features + j] = Double.parseDouble(cells[j].trim());
                String target = cells[features].trim();
                if (classes == null) {
                    y[r] = Double.parseDouble(target);
                } else {
                    int index = classes.indexOf(target);
                    if (index < 0) throw new IllegalStateException(path + ": unknown class " + target);
                    y[r] = index;
                }
            }
            return new Samples(rows, features, x, y);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header's feature names (every column but the last). */
    static List<String> featureNames(String resource) {
        String path = "datasets/" + resource;
        try (InputStream in = CsvTable.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing bundled data set " + path);
            String header = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            String[] names = header.split(",");
            return List.of(java.util.Arrays.copyOf(names, names.length - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
