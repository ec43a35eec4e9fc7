package playground.data;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsTest {
    @Test
    void wholeTableKeepsTheFileOrderScikitLearnLoads() {
        Samples boston = Datasets.table("boston_housing");
        assertEquals(506, boston.rows());
        assertEquals(0.00632, boston.x()[0]);   // load_boston's first row: CRIM 0.00632 … MEDV 24.0
        assertEquals(24.0, boston.y()[0]);
        Samples iris = Datasets.table("iris");
        assertEquals(150, iris.rows());
        assertArrayEquals(new double[] {0, 1, 2}, new double[] {iris.y()[0], iris.y()[50], iris.y()[100]});
        assertThrows(IllegalArgumentException.class, () -> Datasets.table("moons"));
    }

    @Test
    void bostonUsesKerasSplitExactly() {
        Dataset boston = Datasets.load("boston_housing");
        assertEquals(404, boston.train().rows());
        assertEquals(102, boston.test().rows());
        assertEquals(13, boston.train().features());
        // first training row of keras_train.csv, as the notes print it
        assertArrayEquals(new double[] {1.23247, 0, 8.14, 0, 0.538, 6.142, 91.7, 3.9769, 4, 307, 21, 396.9, 18.72},
                java.util.Arrays.copyOf(boston.train().x(), 13), 0.0);
        assertEquals(15.2, boston.train().y()[0], 0.0);
        assertEquals("regression", boston.info().task());
    }

    @Test
    void bostonDescriptionSaysTheBColumnEncodesRace() {
        String d = Datasets.info("boston_housing").orElseThrow().description();
        assertTrue(d.contains("B 열") && d.contains("인종") && d.contains("scikit-learn"), d);
    }

    @Test
    void everySetHasKoreanTitleDescriptionFeaturesAndTask() {
        List<DatasetInfo> all = Datasets.all();
        assertEquals(13, all.size());
        for (DatasetInfo info : all) {
            assertTrue(info.title().codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3), info.name());
            assertFalse(info.description().isBlank());
            assertTrue(Set.of("regression", "binary", "multiclass").contains(info.task()));
            assertEquals(info.task().equals("regression"), info.classes().isEmpty(), info.name());
            assertTrue(info.train_rows() > 0 && info.test_rows() > 0);
            assertFalse(info.features().isEmpty());
        }
    }

    @Test
    void tablesGetAStratifiedEightyTwentySplit() {
        Dataset iris = Datasets.load("iris");
        assertEquals(120, iris.train().rows());
        assertEquals(30, iris.test().rows());
        int[] perClass = new int[3];
        for (double y : iris.test().y()) perClass[(int) y]++;
        assertArrayEquals(new int[] {10, 10, 10}, perClass);
        Dataset cancer = Datasets.load("breast_cancer");
        assertEquals(569, cancer.train().rows() + cancer.test().rows());
        assertEquals(List.of("malignant", "benign"), cancer.info().classes());
        assertEquals(List.of("x1", "x2"), Datasets.info("spiral").orElseThrow().features());
    }

    @Test
    void splitsAreFixed() {
        assertArrayEquals(Datasets.load("wine").test().y(), Datasets.load("wine").test().y());
        Dataset a = Datasets.load("spiral", 300, 0.1), b = Datasets.load("spiral", 300, 0.1);
        assertArrayEquals(a.train().x(), b.train().x());
    }

    @Test
    void generatedSetsHonourSamplesAndLabels() {
        for (String name : List.of("circle", "xor", "gauss", "spiral", "moons")) {
            Dataset d = Datasets.load(name, 200, 0.2);
            assertEquals(200, d.train().rows() + d.test().rows(), name);
            assertEquals(40, d.test().rows(), name);
            Set<Double> labels = new HashSet<>();
            for (double y : d.train().y()) labels.add(y);
            assertEquals(Set.of(0.0, 1.0), labels, name);
        }
        Dataset plane = Datasets.load("plane", 100, 0.0);
        for (int i = 0; i < plane.train().rows(); i++) {
            double[] x = plane.train().x();
            assertEquals((x[2 * i] + x[2 * i + 1]) / 10, plane.train().y()[i], 1e-12);
        }
        Dataset multi = Datasets.load("multi_gauss");
        for (double y : multi.train().y()) assertTrue(y >= -1 && y <= 1);
    }

    @Test
    void xorLabelsFollowTheQuadrantsWithoutNoise() {
        Samples s = Datasets.load("xor", 100, 0.0).train();
        for (int i = 0; i < s.rows(); i++) {
            assertEquals(s.x()[2 * i] * s.x()[2 * i + 1] >= 0 ? 1.0 : 0.0, s.y()[i]);
        }
    }

    @Test
    void circleLabelsInsideRadiusWithoutNoise() {
        Samples s = Datasets.load("circle", 100, 0.0).train();
        for (int i = 0; i < s.rows(); i++) {
            assertEquals(Math.hypot(s.x()[2 * i], s.x()[2 * i + 1]) < 2.5 ? 1.0 : 0.0, s.y()[i]);
        }
    }

    @Test
    void generatedParametersOutsideBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Datasets.load("spiral", 5, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Datasets.load("spiral", 100, 0.9));
        assertThrows(IllegalArgumentException.class, () -> Datasets.load("nope"));
        assertTrue(Datasets.info("nope").isEmpty());
    }
}
