package playground.runs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import playground.document.InvalidConfigException;
import playground.cli.BenchCommand;
import playground.document.RunSpec;

class TrainingTest {
    private static RunSpec spec(String json) throws InvalidConfigException {
        return RunSpec.parse(json);
    }

    @Test
    void epochsAreNumberedFromOneUntilFinished() throws Exception {
        Training t = Training.start(spec(playground.RunDoc.notes().epochs(2).json()), 1);
        assertEquals(1, t.nextEpoch(() -> false).epoch());
        assertFalse(t.finished());
        EpochLogs second = t.nextEpoch(() -> false);
        assertEquals(2, second.epoch());
        assertEquals(List.of("loss", "mae", "val_loss", "val_mae"), List.copyOf(second.logs().keySet()));
        assertTrue(t.finished());
        assertEquals(2, t.epochsDone());
    }

    @Test
    void cancellationStopsWithinOneBatch() throws Exception {
        Training t = Training.start(spec(BenchCommand.NOTES_RUN), 1);
        CancelledException e = assertThrows(CancelledException.class, () -> t.nextEpoch(() -> true));
        assertEquals(0, e.epoch());
    }

    @Test
    void aHugeLearningRateDivergesWithAKoreanExplanation() throws Exception {
        Training t = Training.start(spec("{\"dataset\":\"boston_housing\",\"model\":{\"layers\":[{\"units\":8,\"activation\":\"relu\"},"
                + "{\"units\":1}]},\"compile\":{\"optimizer\":{\"name\":\"sgd\",\"learning_rate\":10},\"loss\":\"mse\"},"
                + "\"fit\":{\"epochs\":50}}"), 1);
        DivergedException e = assertThrows(DivergedException.class, () -> {
            while (!t.finished()) t.nextEpoch(() -> false);
        });
        assertEquals("diverged", e.code());
        assertTrue(e.getMessage().contains("학습률"), e.getMessage());
        assertTrue(e.epoch() >= 1);
    }

    @Test
    void classificationTestScoresIncludeAccuracy() throws Exception {
        Training t = Training.start(spec("{\"dataset\":\"iris\",\"model\":{\"normalize\":true,\"layers\":[{\"units\":3,"
                + "\"activation\":\"softmax\"}]},\"compile\":{\"optimizer\":\"adam\",\"loss\":\"categorical_crossentropy\"}}")
                , 2);
        t.nextEpoch(() -> false);
        assertEquals(List.of("loss", "accuracy"), List.copyOf(t.test().keySet()));
    }
}
