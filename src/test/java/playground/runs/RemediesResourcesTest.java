package playground.runs;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import playground.vocabulary.Remedies;
import playground.document.RunSpec;

/**
 * What one browser can make the class pay through the new fields: Dropout layers (their buffers and masks), the
 * best weights EarlyStopping keeps, the weights a done message carries. The sandbox's estimate covers each, and the
 * done message stays a few hundred kilobytes however large the model.
 */
class RemediesResourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** digits → units wide, with a Dropout before every Dense, EarlyStopping keeping the best weights. */
    private static RunSpec wide(int units, int batch) throws Exception {
        String drop = "{\"type\":\"Dropout\",\"rate\":0.5},";
        String dense = "{\"units\":" + units + ",\"activation\":\"relu\",\"kernel_regularizer\":{\"l2\":0.001}},";
        return RunSpec.parse("{\"dataset\":\"digits\",\"seed\":1,\"model\":{\"normalize\":true,\"layers\":[" + drop + dense
                + drop + dense + drop + "{\"units\":10,\"activation\":\"softmax\"}]},\"compile\":{\"optimizer\":\"adam\","
                + "\"loss\":\"sparse_categorical_crossentropy\"},\"fit\":{\"epochs\":2,\"batch_size\":" + batch
                + ",\"validation_split\":0.2,\"callbacks\":[{\"name\":\"EarlyStopping\",\"restore_best_weights\":true}]}}");
    }

    @Test
    void theEstimateCoversDropoutTheBestWeightsAndTheCarriedWeights() throws Exception {
        RunSpec spec = wide(120, 512);  // ~23,000 weights: under the download limit, so they are carried
        long estimate = RunResources.of(spec).bytes();
        Training.start(spec, 1);  // warm: the data set's cache
        KerasOutcome[] outcome = new KerasOutcome[1];
        long allocated = RunResourcesTest.allocatedBy(() -> {
            Training t = Training.start(spec, 1);
            while (!t.finished()) t.advance(Long.MAX_VALUE);
            outcome[0] = KerasOutcome.of(spec, t);
        });
        assertNotNull(outcome[0].weights());
        // the message the outbox holds until it is sent: its text and the bytes of its frame (Jackson's scratch
        // buffers while writing are garbage of a moment, not what the run holds)
        long message = 2L * JSON.writeValueAsString(outcome[0].weights()).length();
        long held = allocated + message;
        assertTrue(estimate >= held * 0.9, "estimate " + estimate + " < held " + held);
        assertTrue(estimate <= held * 3 + RunResources.FIXED_BYTES, "estimate " + estimate + " far above " + held);
    }

    @Test
    void theDoneMessageStaysSmallAtTheDownloadLimitAndCarriesNoWeightsPastIt() throws Exception {
        RunSpec under = wide(138, 64);  // 138² + 76·138 + 139 = 29,671 weights: just under the limit
        assertTrue(under.summary().total_params() <= Remedies.MAX_DOWNLOAD_PARAMS);
        assertTrue(under.summary().total_params() > Remedies.MAX_DOWNLOAD_PARAMS * 0.95);
        Training t = Training.start(under, 1);
        t.nextEpoch(() -> false);
        String json = JSON.writeValueAsString(KerasOutcome.of(under, t).weights());
        System.out.printf("weights of %,d parameters: %,d bytes of JSON%n", under.summary().total_params(), json.length());
        assertTrue(json.length() < 400_000, json.length() + " bytes");

        RunSpec past = wide(200, 64);
        assertTrue(past.summary().total_params() > Remedies.MAX_DOWNLOAD_PARAMS);
        Training big = Training.start(past, 1);
        big.nextEpoch(() -> false);
        assertNull(KerasOutcome.of(past, big).weights());
    }
}
