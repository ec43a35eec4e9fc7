package playground.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import playground.data.Dataset;
import playground.data.Datasets;
import playground.data.Samples;

/**
 * The training or test rows of a data set as the CSV file that {@link KerasCode}'s Python reads, served by
 * {@code GET /api/datasets/{name}/train.csv} (or {@code test.csv}) with the generated sets' {@code samples} and
 * {@code noise} in the query. The rows are exactly the trainer's, in its order, so Keras's {@code validation_split}
 * takes the same last rows as validation: the feature columns, then the target {@code y} (the value, or the class
 * index). A generated set is drawn from the fixed data seed of {@link Datasets}, so the run's seed changes the
 * training but never these rows.
 */
public record DatasetFile(DatasetSpec dataset, String part) {
    public static final List<String> PARTS = List.of("train", "test");
    /**
     * The whole table in its own order ({@code all.csv}), which a scikit-learn run's {@code split_rows} index: a
     * bundled table's rows, or a generated set's training then test rows. Not among the Keras code's links.
     */
    public static final String WHOLE = "all";

    /** A download as the widget lists it: the file name the Keras code reads, and where to get it. */
    public record Link(String file, String url) {}

    /**
     * The file a request names: the data set as a run document's {@code dataset} would (so the same rules and
     * messages apply), {@code file} being {@code train.csv} or {@code test.csv}; a null parameter is absent.
     */
    public static DatasetFile of(String name, String file, String samples, String noise) throws InvalidConfigException {
        String part = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
        if (!PARTS.contains(part) && !part.equals(WHOLE)) {
            throw new InvalidConfigException("file", "train.csv, test.csv 또는 all.csv여야 합니다", file);
        }
        ObjectNode d = JsonNodeFactory.instance.objectNode().put("name", name);
        if (samples != null) d.set("samples", queryValue(samples));
        if (noise != null) d.set("noise", queryValue(noise));
        return new DatasetFile(RunDocument.dataset(d), part);
    }

    /** A number when the text is one, else the text (which the rules then refuse, naming it). */
    private static JsonNode queryValue(String text) {
        try {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(text.trim()));
        } catch (NumberFormatException notLong) {
            try {
                return JsonNodeFactory.instance.numberNode(Double.parseDouble(text.trim()));
            } catch (NumberFormatException notNumber) {
                return JsonNodeFactory.instance.textNode(text);
            }
        }
    }

    /** {@code spiral_train.csv}, or {@code spiral_samples400_noise0.2_train.csv} for a set not made with its defaults. */
    public String fileName() {
        boolean defaults = !Datasets.isGenerated(dataset.name())
                || (dataset.samples() == Datasets.defaultSamples(dataset.name())
                && dataset.noise() == Datasets.defaultNoise(dataset.name()));
        String stem = defaults ? dataset.name()
                : dataset.name() + "_samples" + dataset.samples() + "_noise" + KerasCode.number(dataset.noise());
        return stem + "_" + part + ".csv";
    }

    /** The file's name and address; every data set has a train and a test file. */
    public static List<Link> links(DatasetSpec dataset) {
        return PARTS.stream().map(part -> new DatasetFile(dataset, part)).map(f -> new Link(f.fileName(), f.url())).toList();
    }

    /** Where the widget downloads this file. */
    public String url() {
        String query = dataset.samples() == null ? ""
                : "?samples=" + dataset.samples() + "&noise=" + URLEncoder.encode(KerasCode.number(dataset.noise()),
                        StandardCharsets.UTF_8);
        return "/api/datasets/" + dataset.name() + "/" + part + ".csv" + query;
    }

    /** The header line, then one line per row. */
    public String csv() {
        Dataset data = Datasets.load(dataset.name(), dataset.samples(), dataset.noise());
        List<Samples> parts = switch (part) {
            case "train" -> List.of(data.train());
            case "test" -> List.of(data.test());
            default -> Datasets.isGenerated(dataset.name()) ? List.of(data.train(), data.test())
                    : List.of(Datasets.table(dataset.name()));
        };
        StringBuilder out = new StringBuilder(String.join(",", data.info().features())).append(",y\n");
        for (Samples rows : parts) {
            for (int r = 0; r < rows.rows(); r++) {
                for (int j = 0; j < rows.features(); j++) out.append(cell(rows.x()[r * rows.features() + j])).append(',');
                out.append(cell(rows.y()[r])).append('\n');
            }
        }
        return out.toString();
    }

    /** Whole numbers (class indices, pixel values) without ".0"; any other value exactly, as Java prints a double. */
    private static String cell(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
