package playground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderTest {
    @TempDir
    Path content;
    private DatasetFolder folder;

    @AfterEach
    void close() {
        if (folder != null) folder.close();
    }

    /** Twenty rows of 키, 몸무게 and a target 1 when 키 ≥ 170. */
    static String heights() {
        StringBuilder csv = new StringBuilder("키,몸무게,큰키\n");
        for (int i = 0; i < 20; i++) csv.append(160 + i).append(',').append(50 + i / 2.0).append(',')
                .append(160 + i >= 170 ? 1 : 0).append('\n');
        return csv.toString();
    }

    private List<String> write(String file, String text) throws Exception {
        Files.createDirectories(content.resolve("datasets"));
        Files.writeString(content.resolve("datasets").resolve(file), text);
        if (folder == null) folder = new DatasetFolder(content);
        return folder.reload();
    }

    @Test
    void aCsvBecomesADataSetEveryoneSeesSplitStratified() throws Exception {
        assertEquals(List.of(), write("folder_heights.csv", heights()));
        DatasetInfo info = Datasets.info("folder_heights").orElseThrow();
        assertEquals("folder_heights", info.title());
        assertEquals(DatasetInfo.BINARY, info.task());
        assertEquals(List.of("키", "몸무게"), info.features());
        assertEquals(List.of("0", "1"), info.classes());
        assertEquals(16, info.train_rows());
        assertEquals(4, info.test_rows(), "20% of each class of ten");
        assertTrue(Datasets.names().contains("folder_heights"));
        assertEquals(20, Datasets.table("folder_heights").rows(), "the whole table, in the file's order");
        assertEquals(160, Datasets.table("folder_heights").x()[0]);
        assertFalse(Datasets.isGenerated("folder_heights"));
    }

    @Test
    void theYmlNamesTitleTargetTaskAndSplit() throws Exception {
        write("folder_meta.yml", "title: 키와 몸무게\ndescription: 우리 반 자료\ntarget: 몸무게\ntask: regression\n"
                + "test_size: 5\nrandom_state: 3\n");
        assertEquals(List.of(), write("folder_meta.csv", heights()));
        DatasetInfo info = Datasets.info("folder_meta").orElseThrow();
        assertEquals("키와 몸무게", info.title());
        assertEquals("우리 반 자료", info.description());
        assertEquals(List.of("키", "큰키"), info.features());
        assertEquals(DatasetInfo.REGRESSION, info.task());
        assertEquals(List.of(15, 5), List.of(info.train_rows(), info.test_rows()), "test_size 5 is five rows");
    }

    @Test
    void aBrokenEditKeepsTheLastGoodTableAndADeletedFileGoes() throws Exception {
        write("folder_edit.csv", heights());
        List<String> problems = write("folder_edit.csv", heights().replace("165,", "165살,"));
        assertEquals(List.of("datasets/folder_edit.csv: 7행 A열('키'): 숫자가 아닙니다 (받은 값: \"165살\");"
                + " the version read before is kept"), problems);
        assertEquals(16, Datasets.info("folder_edit").orElseThrow().train_rows());
        write("folder_edit.yml", "task: classification\n");
        assertEquals(List.of("datasets/folder_edit.csv: folder_edit.yml: task는 regression, binary, multiclass 가운데"
                + " 하나여야 합니다 (받은 값: classification); the version read before is kept"), folder.reload());
        Files.delete(content.resolve("datasets/folder_edit.yml"));
        Files.delete(content.resolve("datasets/folder_edit.csv"));
        assertEquals(List.of(), folder.reload());
        assertTrue(Datasets.info("folder_edit").isEmpty());
    }

    @Test
    void namesThatAreNotPlainOrAreTakenAreSkipped() throws Exception {
        List<String> problems = write("iris.csv", heights());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("datasets/iris.csv: the name must be"), problems.get(0));
        assertEquals(3, Datasets.info("iris").orElseThrow().classes().size(), "the bundled iris is untouched");
        assertTrue(write("upload-x.csv", heights()).get(1).startsWith("datasets/upload-x.csv: the name"));
    }

    @Test
    void anUploadWithAnOwnerIsNotListed() throws Exception {
        CsvText.Table table = CsvText.parse(heights(), new CsvText.Rules(null, null, 10, 100, 10));
        Datasets.add("upload-test0001", "올린 CSV", "", table, 0.2, 1, "test", "browser-a");
        try {
            assertEquals(java.util.Optional.of("browser-a"), Datasets.owner("upload-test0001"));
            assertFalse(Datasets.names().contains("upload-test0001"));
            assertTrue(Datasets.all().stream().noneMatch(i -> i.name().startsWith("upload-")));
            assertEquals(16, Datasets.load("upload-test0001").train().rows());
        } finally {
            Datasets.remove("upload-test0001");
        }
    }
}
