package playground.sklearn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import playground.data.Datasets;

/**
 * The numbers the teacher's notes print, on the bundled tables split as {@code train_test_split(X, y, test_size=0.2,
 * random_state=5)}. Where scikit-learn 1.2.1 on this machine prints other last digits than the notes (the notes ran
 * an older NumPy/LAPACK), the tolerance is the gap between the two; see each assertion.
 */
class NotesNumbersTest {
    private static Rows[] split(String name) {
        Rows all = Rows.of(Datasets.table(name));
        TrainTestSplit s = TrainTestSplit.of(all.size(), 0.2, 5);
        return new Rows[] {all.select(s.train()), all.select(s.test())};
    }

    private static Params params(Map<String, ?> values) {
        return new Params("model.params", values);
    }

    @Test
    void bostonLinearRegressionScoresAsTheNotes() {
        Rows[] p = split("boston_housing");
        LinearRegression model = new LinearRegression();
        model.fit(p[0].x(), p[0].y());
        // notes: 0.738339392059052 / 0.7334492147453064 / 4.568292042303217; sklearn 1.2.1 here: …071 and …212
        assertEquals(0.738339392059052, model.score(p[0].x(), p[0].y()), 1e-15);
        assertEquals(0.7334492147453064, model.score(p[1].x(), p[1].y()), 1e-14);
        assertEquals(4.568292042303217, Metrics.rmse(p[1].y(), model.predict(p[1].x())), 1e-13);
        assertEquals(37.91248701, model.intercept(), 5e-9);
        assertEquals(-15.96, model.coef()[4], 0.005);
    }

    @Test
    void bostonPolynomialRegressionScoresAsTheNotes() {
        Rows[] p = split("boston_housing");
        Pipeline model = new Pipeline(List.of(new PolynomialFeatures(2, true)), new LinearRegression());
        model.fit(p[0].x(), p[0].y());
        // notes: 0.9315569004651908 / 0.8694943908787136 / 3.1965276513308156; sklearn 1.2.1 here: test …8777315
        assertEquals(0.9315569004651908, model.score(p[0].x(), p[0].y()), 1e-12);
        assertEquals(0.8694943908787136, model.score(p[1].x(), p[1].y()), 2e-12);
        assertEquals(3.1965276513308156, Metrics.rmse(p[1].y(), model.predict(p[1].x())), 1e-10);
        LinearRegression linear = (LinearRegression) model.estimator();
        assertEquals(-141.9, linear.intercept(), 0.05);
        assertEquals(linear.coef()[4], linear.coef()[50], 1e-6);   // CHAS and CHAS² are one column: equal halves
        assertEquals(24.32, linear.coef()[4], 0.005);
    }

    @Test
    void irisNeighboursAndLogisticRegressionScoreAsTheNotes() {
        Rows[] p = split("iris");
        KNeighbors knn = new KNeighbors(true, params(Map.of("n_neighbors", 5)));
        knn.fit(p[0].x(), p[0].y());
        assertEquals(0.9333333333333333, knn.score(p[1].x(), p[1].y()));
        LogisticRegression logistic = new LogisticRegression(params(Map.of("max_iter", 2000)));
        logistic.fit(p[0].x(), p[0].y());
        assertEquals(0.9666666666666667, logistic.score(p[1].x(), p[1].y()));
    }

    @Test
    void irisTestRowsAreTheNotesClasses() {
        Rows test = split("iris")[1];
        double[] notes = {1, 2, 2, 0, 2, 1, 0, 1, 0, 1, 1, 2, 2, 2, 0, 0, 2, 2, 0, 0, 1, 2, 0, 1, 1, 2, 1, 1, 1, 2};
        assertArrayEquals(notes, test.y());
    }
}
