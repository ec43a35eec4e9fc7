package playground.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import playground.data.Dataset;
import playground.data.Datasets;
import playground.engine.Examples;

/**
 * A validated run document (RUN-CONFIG.md) with every default filled in. Build one with {@link #parse} or
 * {@link #from}; the canonical constructor does not validate. Immutable; safe to share between threads.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSpec(DatasetSpec dataset, Long seed, ModelSpec model, CompileSpec compile, FitSpec fit) {

    /**
     * Parses and validates a document: at most 16 KiB, nesting 16, strings of 256 characters; unknown fields, wrong
     * types, non-finite and out-of-range numbers and rules across fields each give an {@link InvalidConfigException}.
     */
    public static RunSpec parse(String json) throws InvalidConfigException {
        return from(RunDocument.read(json));
    }

    /** Validates an already parsed document (see {@link #parse}). */
    public static RunSpec from(JsonNode doc) throws InvalidConfigException {
        try {
            return RunDocument.from(doc);
        } catch (InvalidConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            // A rule we failed to write down must still answer as a bad document, never as a crash.
            throw new InvalidConfigException("", "실행 문서를 해석할 수 없습니다", InvalidConfigException.MISSING);
        }
    }

    /** Writes every document: the records' own shape, annotated where the document's differs. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The canonical document: every default filled in; {@code parse(toJson().toString())} equals this. */
    public JsonNode toJson() {
        return JSON.valueToTree(this);
    }

    /** Rows the model trains on: the data set's training split minus the validation rows. */
    public int trainingRows() {
        return rows().train();
    }

    /** How the run cuts the data: the rows it trains on, the last rows of the training split it validates on, the test rows. */
    public DataRows rows() {
        return rows(data());
    }

    /** The run's data set: bundled tables are cached, a generated set is made afresh each time. */
    public Dataset data() {
        return Datasets.load(dataset.name(), dataset.samples(), dataset.noise());
    }

    /** {@link #rows()} of data already loaded by {@link #data()}. */
    public DataRows rows(Dataset data) {
        int all = data.train().rows();
        int train = fit.validation_split() == 0 ? all : Examples.splitAt(all, fit.validation_split());
        return new DataRows(train, all - train, data.test().rows());
    }

    /** The Keras-style summary of the model, without building or training it. */
    public Summary summary() {
        return Summary.of(model, inputs().size());
    }

    /** The names of the model's input columns (the data set's, or the input features it chose). */
    public java.util.List<String> inputs() {
        return dataset.inputs(Datasets.info(dataset.name()).orElseThrow());
    }
}
