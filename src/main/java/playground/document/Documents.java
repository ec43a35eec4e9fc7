package playground.document;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Either kind of run document, checked as a run would check it: a Keras network ({@link RunSpec}) or a scikit-learn
 * estimator (issue 15: {@code model.estimator}). A lesson's widget may hold either, so its author sees the same
 * message a student would.
 */
public final class Documents {
    private Documents() {}

    /** @throws InvalidConfigException naming the field at fault */
    public static void check(String json) throws InvalidConfigException {
        JsonNode document = RunDocument.read(json);
        if (EstimatorDocument.is(document)) {
            EstimatorDocument.read(document);
        } else {
            RunSpec.from(document);
        }
    }
}
