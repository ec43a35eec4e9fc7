package playground.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A lesson's widget holds either kind of run document; each is checked as its run would be. */
class DocumentsTest {
    private static final String KNN = """
            {"dataset": {"name": "iris", "split": {"test_size": 0.2, "random_state": 5}},
             "model": {"estimator": "KNeighborsClassifier", "params": {"n_neighbors": 5}}}""";

    @Test
    void anEstimatorDocumentPassesAndItsBadParameterIsNamed() throws Exception {
        Documents.check(KNN);
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Documents.check(playground.RunDoc.of(KNN).set("model.params.n_neighbors", 0).json()));
        assertEquals("model.params.n_neighbors", e.field());
    }

    @Test
    void aKerasDocumentIsStillCheckedAsOne() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Documents.check("""
                {"dataset": "iris", "model": {"layers": [{"units": 0}]}}"""));
        assertEquals("model.layers[0].units", e.field());
    }
}
