package playground.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import playground.engine.KerasEarlyStoppingRule;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import playground.document.InvalidConfigException;
import playground.cli.BenchCommand;
import playground.document.RunSpec;
import playground.document.SummaryLayer;

/** Dropout, regularizers and EarlyStopping in whole runs, and what a finished run reports. */
class RemediesRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The notes' run with {@code edit} applied to its document. */
    private static RunSpec notes(java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(BenchCommand.NOTES_RUN);
        edit.accept(doc);
        return RunSpec.parse(doc.toString());
    }

    private static ArrayNode layers(ObjectNode doc) {
        return (ArrayNode) doc.path("model").path("layers");
    }

    private static ObjectNode layer(ObjectNode doc, int i) {
        return (ObjectNode) layers(doc).get(i);
    }

    private static ObjectNode fit(ObjectNode doc) {
        return (ObjectNode) doc.path("fit");
    }

    /**
     * The notes' run, seed 7, as the trainer gave it before Dropout, regularizers and EarlyStopping existed (commit
     * a0696ac, `train` of RUN-CONFIG.md's document): SHA-256 of every History value, key by key, then the test loss,
     * mae and r2, each as its 8 big-endian IEEE bytes.
     */
    @Test
    void theNotesRunIsBitForBitWhatItWasBeforeTheRemedies() throws Exception {
        RunResult r = Runner.run(notes(d -> {}), 7);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String key : List.of("loss", "mae", "val_loss", "val_mae")) {
            for (double v : r.history().get(key)) sha.update(ByteBuffer.allocate(8).putDouble(v).array());
        }
        for (String key : List.of("loss", "mae", "r2")) sha.update(ByteBuffer.allocate(8).putDouble(r.scores().get(key)).array());
        assertEquals("1fb4c632d19f1e66a0365c5c8676d2e4b634d46811f38c004313ab1b274c1bc0", HexFormat.of().formatHex(sha.digest()));
        assertNull(r.stopped_epoch());
    }

    @Test
    void earlyStoppingOnARealRunStopsWhereKerassRuleSaysAndTestsTheBestWeights() throws Exception {
        RunSpec full = notes(d -> {});
        RunSpec early = notes(d -> fit(d).putArray("callbacks").addObject().put("name", "EarlyStopping")
                .put("patience", 4).put("restore_best_weights", true));
        RunResult all = Runner.run(full, 3), stopped = Runner.run(early, 3);
        int expected = KerasEarlyStoppingRule.epochs(all.history().get("val_loss"), 4);
        assertTrue(expected < 100, "the notes' run overfits within 100 epochs: " + expected);
        assertEquals(expected, stopped.history().get("val_loss").size());
        assertEquals(all.history().get("val_loss").subList(0, expected), stopped.history().get("val_loss"));
        assertEquals(expected - 1, stopped.stopped_epoch());
        List<Double> val = all.history().get("val_loss").subList(0, expected);
        int best = val.indexOf(val.stream().min(Double::compare).orElseThrow());
        assertEquals(best, stopped.best_epoch());
        // the test scores are those of the best epoch's weights: a run of best + 1 epochs ends with them
        RunResult upToBest = Runner.run(notes(d -> fit(d).put("epochs", best + 1)), 3);
        assertEquals(upToBest.scores(), stopped.scores());
    }

    @Test
    void aRegularisedRunsTestLossIsItsMeanSquaredErrorPlusThePenalty() throws Exception {
        RunSpec spec = notes(d -> {
            layer(d, 0).putObject("kernel_regularizer").put("l2", 0.01);
            layer(d, 1).putObject("kernel_regularizer").put("l1", 0.001).put("l2", 0.002);
            layer(d, 1).putObject("bias_regularizer").put("l2", 0.05);
            fit(d).put("epochs", 10);
        });
        Training t = Training.start(spec, 1);
        while (!t.finished()) t.nextEpoch(() -> false);
        double penalty = t.model().penalty();
        assertTrue(penalty > 0.01, "penalty " + penalty);
        var data = spec.data().test();
        double[] p = t.model().predict(data.x(), data.rows());
        double mse = 0;
        for (int r = 0; r < data.rows(); r++) mse += (p[r] - data.y()[r]) * (p[r] - data.y()[r]);
        mse /= data.rows();
        assertEquals(mse + penalty, t.test().get("loss"), 1e-4 * mse);
    }

    @Test
    void dropoutRepeatsWithItsSeedAndChangesTraining() throws Exception {
        RunSpec spec = notes(d -> {
            layers(d).insert(1, JSON.createObjectNode().put("type", "Dropout").put("rate", 0.3));
            fit(d).put("epochs", 5);
        });
        RunResult a = Runner.run(spec, 4), b = Runner.run(spec, 4);
        assertEquals(a.history(), b.history());
        RunResult plain = Runner.run(notes(d -> fit(d).put("epochs", 5)), 4);
        assertNotEquals(plain.history().get("loss"), a.history().get("loss"));
        assertEquals(List.of("normalization", "dense", "dropout", "dense_1", "dense_2"),
                a.summary().layers().stream().map(SummaryLayer::name).toList());
        SummaryLayer dropout = a.summary().layers().get(2);
        assertEquals(List.of("Dropout", 0L), List.of(dropout.type(), dropout.params()));
        assertEquals(64, dropout.output_shape().get(1));
        assertEquals(3036, a.summary().total_params());
    }

    @Test
    void aClassificationReportsItsConfusionMatrixRowsTrueColumnsPredicted() throws Exception {
        RunResult r = Runner.run(RunSpec.parse("{\"dataset\":\"iris\",\"model\":{\"normalize\":true,\"layers\":[{\"units\":8,"
                + "\"activation\":\"relu\"},{\"units\":3,\"activation\":\"softmax\"}]},\"compile\":{\"optimizer\":\"adam\","
                + "\"loss\":\"sparse_categorical_crossentropy\",\"metrics\":[\"accuracy\"]},\"fit\":{\"epochs\":30}}"), 2);
        int[][] m = (int[][]) r.test().get("confusion_matrix");
        int[] perClass = new int[3];
        for (double y : playground.data.Datasets.load("iris").test().y()) perClass[(int) y]++;
        int diagonal = 0, all = 0;
        for (int t = 0; t < 3; t++) {
            assertEquals(perClass[t], java.util.Arrays.stream(m[t]).sum(), "row " + t + " holds that class's test rows");
            diagonal += m[t][t];
            all += perClass[t];
        }
        assertEquals(r.scores().get("accuracy"), (double) diagonal / all, 1e-6);
    }

    @Test
    void theWeightsComeInGetWeightsOrderAndOnlyUpToTheDownloadLimit() throws Exception {
        RunResult r = Runner.run(notes(d -> fit(d).put("epochs", 1)), 1);
        List<Object> w = r.weights();
        assertEquals(3 + 6, w.size());
        assertEquals(13, ((float[]) w.get(0)).length);
        assertEquals(13, ((float[]) w.get(1)).length);
        assertEquals(404L, w.get(2));  // count: the rows adapt saw (all of X_train, as the notes adapt before fit)
        float[][] kernel = (float[][]) w.get(3);
        assertEquals(List.of(13, 64), List.of(kernel.length, kernel[0].length));
        assertEquals(64, ((float[]) w.get(4)).length);
        assertEquals(List.of(32, 1), List.of(((float[][]) w.get(7)).length, ((float[][]) w.get(7))[0].length));
        RunResult big = Runner.run(notes(d -> {
            layer(d, 0).put("units", 512);
            layer(d, 1).put("units", 512);
            fit(d).put("epochs", 1).put("batch_size", 64);
        }), 1);
        assertNull(big.weights(), "263,000 weights are past the download limit");
    }

    @Test
    void theDocumentExplainsWhereRemediesCannotGo() throws Exception {
        Map<String, String> refused = Map.of(
                "{\"units\":1},{\"type\":\"Dropout\",\"rate\":0.2}", "model.layers[3]",
                "{\"units\":1,\"kernel_regularizer\":{\"l3\":1}}", "model.layers[2].kernel_regularizer.l3",
                "{\"units\":1,\"bias_regularizer\":{\"l2\":-1}}", "model.layers[2].bias_regularizer.l2",
                "{\"type\":\"Dropout\",\"rate\":1},{\"units\":1}", "model.layers[2].rate");
        for (var e : refused.entrySet()) {
            String doc = playground.RunDoc.notes().spliceLayers(2, "[" + e.getKey() + "]").json();
            InvalidConfigException x = org.junit.jupiter.api.Assertions.assertThrows(InvalidConfigException.class,
                    () -> RunSpec.parse(doc), e.getKey());
            assertEquals(e.getValue(), x.field(), x.getMessage());
        }
        InvalidConfigException monitor = org.junit.jupiter.api.Assertions.assertThrows(InvalidConfigException.class,
                () -> notes(d -> {
                    fit(d).put("validation_split", 0.0);
                    fit(d).putArray("callbacks").addObject().put("name", "EarlyStopping");
                }));
        assertEquals("fit.callbacks[0].monitor", monitor.field());
        assertTrue(monitor.getMessage().contains("validation_split"), monitor.getMessage());
        RunSpec round = notes(d -> {
            layers(d).insert(0, JSON.createObjectNode().put("type", "Dropout").put("rate", 0.1));
            layer(d, 1).putObject("kernel_regularizer").put("l2", 0.01);
            fit(d).putArray("callbacks").addObject().put("name", "EarlyStopping").put("monitor", "val_mae")
                    .put("patience", 3);
        });
        assertEquals(round, RunSpec.parse(round.toJson().toString()));
        assertTrue(!round.fit().early_stopping().maximise(), "an error falls when better");
    }
}
