package playground.runs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;
import playground.document.RunSpec;

/** Classification end to end, from a run document to test accuracy. */
class ClassificationTest {
    private static double accuracy(String dataset, String layers, String loss, double learningRate, int epochs,
                                   boolean normalize) throws Exception {
        String json = "{\"dataset\":" + dataset + ",\"model\":{\"normalize\":" + normalize + ",\"layers\":[" + layers
                + "]},\"compile\":{\"optimizer\":{\"name\":\"adam\",\"learning_rate\":" + learningRate + "},\"loss\":\""
                + loss + "\",\"metrics\":[\"accuracy\"]},\"fit\":{\"epochs\":" + epochs + ",\"batch_size\":16}}";
        return Runner.run(RunSpec.parse(json), 1).scores().get("accuracy");
    }

    @Test
    void xorIsLearnedBySmallNetwork() throws Exception {
        double a = accuracy("\"xor\"", "{\"units\":8,\"activation\":\"tanh\"},{\"units\":1,\"activation\":\"sigmoid\"}",
                "binary_crossentropy", 0.03, 100, false);
        assertTrue(a >= 0.95, "xor accuracy " + a);
    }

    @Test
    void circleIsLearnedBySmallNetwork() throws Exception {
        double a = accuracy("\"circle\"", "{\"units\":8,\"activation\":\"tanh\"},{\"units\":1,\"activation\":\"sigmoid\"}",
                "binary_crossentropy", 0.03, 100, false);
        assertTrue(a >= 0.95, "circle accuracy " + a);
    }

    @Test
    void spiralIsLearnedByThreeHiddenLayersOfSixteen() throws Exception {
        String hidden = "{\"units\":16,\"activation\":\"tanh\"},";
        double a = accuracy("{\"name\":\"spiral\",\"noise\":0}", hidden.repeat(3)
                + "{\"units\":1,\"activation\":\"sigmoid\"}", "binary_crossentropy", 0.01, 300, false);
        assertTrue(a >= 0.90, "spiral accuracy " + a);
    }

    @Test
    void irisIsLearnedWithSoftmax() throws Exception {
        double sparse = accuracy("\"iris\"", "{\"units\":16,\"activation\":\"relu\"},{\"units\":3,\"activation\":\"softmax\"}",
                "sparse_categorical_crossentropy", 0.01, 100, true);
        assertTrue(sparse >= 0.90, "iris accuracy " + sparse);
        double oneHot = accuracy("\"iris\"", "{\"units\":16,\"activation\":\"relu\"},{\"units\":3,\"activation\":\"softmax\"}",
                "categorical_crossentropy", 0.01, 100, true);
        assertTrue(oneHot >= 0.90, "iris accuracy (one-hot) " + oneHot);
    }

    @Test
    void breastCancerIsLearnedWithSigmoidAndBinaryCrossentropy() throws Exception {
        double a = accuracy("\"breast_cancer\"", "{\"units\":16,\"activation\":\"relu\"},{\"units\":1,\"activation\":\"sigmoid\"}",
                "binary_crossentropy", 0.001, 50, true);
        assertTrue(a >= 0.95, "breast cancer accuracy " + a);
    }
}
