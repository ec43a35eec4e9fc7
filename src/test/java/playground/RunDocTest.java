package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import playground.cli.BenchCommand;
import playground.document.FitSpec;
import playground.document.RunSpec;

class RunDocTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void notesIsTheBenchRunTheToolsRead() throws Exception {
        assertEquals(JSON.readTree(BenchCommand.NOTES_RUN), JSON.readTree(RunDoc.notes().json()));
        assertEquals(RunSpec.parse(BenchCommand.NOTES_RUN), RunSpec.parse(RunDoc.notes().json()));
    }

    @Test
    void aTypoInAPathThrowsNamingThePath() {
        RunDoc notes = RunDoc.notes();
        for (String typo : new String[] {"fit.epoch", "fitt.epochs", "model.layers[3].units", "model.layer[0].units",
                "compile.optimizer.learningrate", "seed.value", "fit..epochs", "fit.epochs[0]"}) {
            IllegalArgumentException set = assertThrows(IllegalArgumentException.class, () -> notes.set(typo, 2));
            assertTrue(set.getMessage().startsWith(typo + ":"), set.getMessage());
            assertThrows(IllegalArgumentException.class, () -> notes.remove(typo), typo);
            assertThrows(IllegalArgumentException.class, () -> notes.raw(typo, "NaN"), typo);
        }
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> notes.add("fit.epochs", 2));
        assertTrue(twice.getMessage().startsWith("fit.epochs:"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> notes.add("fitt.momentum", 2));
        assertThrows(IllegalArgumentException.class, () -> RunDoc.of("[1]"));
        assertThrows(IllegalArgumentException.class, () -> RunDoc.notes().withoutHiddenLayers().withoutHiddenLayers());
    }

    @Test
    void editsLandWhereNamed() throws Exception {
        RunSpec spec = RunSpec.parse(RunDoc.notes().epochs(2).batchSize(1).validationSplit(0.3).units(0, 256)
                .seed(3).normalize(false).optimizer("sgd", 0.1).json());
        assertEquals(new FitSpec(2, 1, 0.3, true), spec.fit());
        assertEquals(256, spec.model().layers().get(0).units());
        assertEquals(32, spec.model().layers().get(1).units());
        assertEquals(3L, spec.seed());
        assertFalse(spec.model().normalize());
        assertEquals("sgd", spec.compile().optimizer().name());
        assertEquals(0.1, spec.compile().optimizer().params().get("learning_rate"));
        assertEquals(1, RunSpec.parse(RunDoc.notes().withoutHiddenLayers().json()).model().layers().size());
        assertEquals("spiral", RunSpec.parse(RunDoc.notes().dataset("spiral", 300, 0.1).layers("[{\"units\":1,"
                + "\"activation\":\"sigmoid\"}]").loss("binary_crossentropy").json()).dataset().name());
    }

    @Test
    void addRemoveAndRawChangeOnlyTheirField() {
        RunDoc notes = RunDoc.notes();
        assertEquals(1e-3, notes.add("compile.optimizer.epsilon", 1e-3).at("compile.optimizer.epsilon").asDouble());
        assertFalse(notes.remove("fit.shuffle").at("fit").has("shuffle"));
        assertTrue(notes.at("fit").has("shuffle"), "an edit copies: the original keeps its field");
        assertTrue(notes.raw("compile.optimizer.learning_rate", "NaN").json().contains("\"learning_rate\":NaN"));
        assertEquals(2, notes.remove("model.layers[0]").at("model.layers").size());
        assertTrue(notes.learningRate(0.000001).json().contains("\"learning_rate\":0.000001"), "decimals stay plain");
        assertTrue(notes.set("fit.epochs", null).at("fit.epochs").isNull());
    }
}
