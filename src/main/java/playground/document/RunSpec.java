package playground.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import playground.data.Dataset;
import playground.data.Datasets;
import playground.engine.Examples;
import playground.vocabulary.Param;

/**
 * A validated run document (RUN-CONFIG.md) with every default filled in. Build one with {@link #parse} or
 * {@link #from}; the canonical constructor does not validate. Immutable; safe to share between threads.
 */
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

    /** The canonical document: every default filled in; {@code parse(toJson().toString())} equals this. */
    public JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        if (dataset.samples() == null && dataset.noise() == null) {
            doc.put("dataset", dataset.name());
        } else {
            ObjectNode d = doc.putObject("dataset");
            d.put("name", dataset.name());
            if (dataset.samples() != null) d.put("samples", dataset.samples());
            if (dataset.noise() != null) d.put("noise", dataset.noise());
            if (dataset.features() != null) dataset.features().forEach(d.putArray("features")::add);
        }
        if (seed != null) doc.put("seed", seed);
        ObjectNode m = doc.putObject("model");
        m.put("normalize", model.normalize());
        ArrayNode layers = m.putArray("layers");
        for (LayerSpec l : model.layers()) {
            ObjectNode layer = layers.addObject();
            if (l.isDropout()) {
                layer.put("type", l.type());
                layer.put("rate", l.rate());
                continue;
            }
            layer.put("units", l.units());
            layer.put("activation", l.activation());
            if (l.alpha() != null) layer.put("alpha", l.alpha());
            putRegularizer(layer, "kernel_regularizer", l.kernel_regularizer());
            putRegularizer(layer, "bias_regularizer", l.bias_regularizer());
        }
        ObjectNode c = doc.putObject("compile");
        OptimizerSpec o = compile.optimizer();
        ObjectNode opt = c.putObject("optimizer");
        opt.put("name", o.name());
        // A switch at its default is left out, so documents stay as written (amsgrad is rarely sent).
        for (Param p : o.type().params()) {
            Object v = o.param(p.name());
            if (v instanceof Boolean b) {
                if (!b.equals(p.defaultValue())) opt.put(p.name(), b);
            } else {
                opt.put(p.name(), ((Number) v).doubleValue());
            }
        }
        c.put("loss", compile.loss());
        ArrayNode metrics = c.putArray("metrics");
        compile.metrics().forEach(metrics::add);
        ObjectNode fitNode = doc.putObject("fit");
        fitNode.put("epochs", fit.epochs());
        fitNode.put("batch_size", fit.batch_size());
        fitNode.put("validation_split", fit.validation_split());
        fitNode.put("shuffle", fit.shuffle());
        EarlyStoppingSpec es = fit.early_stopping();
        if (es != null) {
            ObjectNode cb = fitNode.putArray("callbacks").addObject();
            cb.put("name", playground.vocabulary.Remedies.EARLY_STOPPING_NAME);
            cb.put("monitor", es.monitor());
            cb.put("patience", es.patience());
            cb.put("min_delta", es.min_delta());
            cb.put("mode", es.mode());
            cb.put("restore_best_weights", es.restore_best_weights());
            cb.put("start_from_epoch", es.start_from_epoch());
        }
        return doc;
    }

    private static void putRegularizer(ObjectNode layer, String field, playground.engine.Regularizer r) {
        if (r == null) return;
        ObjectNode node = layer.putObject(field);
        node.put("l1", r.l1());
        node.put("l2", r.l2());
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
