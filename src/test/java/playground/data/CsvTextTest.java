package playground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTextTest {
    private static final CsvText.Rules RULES = new CsvText.Rules(null, null, 3, 100, 10);

    private static CsvText.Table parse(String text) throws BadCsvException {
        return CsvText.parse(text, RULES);
    }

    private static String refusal(String text, CsvText.Rules rules) {
        return assertThrows(BadCsvException.class, () -> CsvText.parse(text, rules)).getMessage();
    }

    private static String refusal(String text) {
        return refusal(text, RULES);
    }

    @Test
    void koreanHeadersWithBomAndWindowsLineEndsRead() throws BadCsvException {
        CsvText.Table t = parse("\uFEFF키,몸무게,나이\r\n170,65.5,17\r\n160,50,16\r\n180,80.25,18\r\n");
        assertEquals(List.of("키", "몸무게"), t.features());
        assertEquals("나이", t.target());
        assertEquals(DatasetInfo.MULTICLASS, t.task(), "three whole numbers are three classes");
        assertArrayEquals(new double[] {170, 65.5, 160, 50, 180, 80.25}, t.samples().x());
        assertArrayEquals(new double[] {1, 0, 2}, t.samples().y(), "classes by ascending value: 16, 17, 18");
        assertEquals(List.of("16", "17", "18"), t.classes());
    }

    @Test
    void tabsSeparateWhenTheHeaderHasMoreTabsThanCommas() throws BadCsvException {
        CsvText.Table t = parse("a\tb, c\ty\n1\t2\t0.5\n3\t4\t1.5\n5\t6\t2.5\n");
        assertEquals(List.of("a", "b, c"), t.features());
        assertEquals(DatasetInfo.REGRESSION, t.task());
        assertEquals(List.of(), t.classes());
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, t.samples().y());
    }

    @Test
    void quotedCellsMayHoldTheSeparatorAsSpreadsheetsWriteThem() throws BadCsvException {
        CsvText.Table t = parse("\"면적, 평\",\"방 \"\"개수\"\"\",합격\n\"30\",2,0\n40,3,1\n50,\"4\",1\n");
        assertEquals(List.of("면적, 평", "방 \"개수\""), t.features());
        assertEquals(DatasetInfo.BINARY, t.task());
        assertArrayEquals(new double[] {30, 2, 40, 3, 50, 4}, t.samples().x());
    }

    @Test
    void aNamedTargetAndAGivenTaskOverrideTheDefaults() throws BadCsvException {
        CsvText.Table t = CsvText.parse("점수,공부시간,등급\n1,2,0\n2,4,1\n3,6,0\n",
                new CsvText.Rules("점수", DatasetInfo.REGRESSION, 3, 100, 10));
        assertEquals("점수", t.target());
        assertEquals(List.of("공부시간", "등급"), t.features());
        assertEquals(DatasetInfo.REGRESSION, t.task());
        assertArrayEquals(new double[] {1, 2, 3}, t.samples().y());
    }

    @Test
    void manyDistinctOrFractionalTargetsAreRegression() throws BadCsvException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 11; i++) csv.append(i).append(',').append(i * 3).append('\n');
        assertEquals(DatasetInfo.REGRESSION, parse(csv.toString()).task(), "11 distinct whole numbers");
    }

    @Test
    void everyBrokenCellIsNamedByItsSpreadsheetRowAndColumn() {
        assertEquals("3행 B열('몸무게'): 숫자가 아닙니다 (받은 값: \"쉰\")", refusal("키,몸무게,y\n1,2,0\n1,쉰,1\n1,2,0\n"));
        assertEquals("2행 A열('키'): 빈 칸입니다. 모든 칸에 숫자가 있어야 합니다", refusal("키,몸무게,y\n,2,0\n1,2,1\n1,2,0\n"));
        assertEquals("4행: 열이 3개여야 하는데 2개입니다 (헤더의 열 수와 같아야 합니다)",
                refusal("키,몸무게,y\n1,2,0\n1,2,1\n1,2\n"));
        assertEquals("2행 C열('y'): 숫자가 아닙니다 (받은 값: \"NaN\")", refusal("키,몸무게,y\n1,2,NaN\n1,2,1\n1,2,0\n"));
        assertEquals("3행 B열: 따옴표(\")가 닫히지 않았습니다", refusal("a,b,y\n1,2,0\n1,\"2,1\n1,2,0\n"));
    }

    @Test
    void headersTargetsAndSizesThatCannotTrainAreRefusedWithTheRule() {
        assertEquals("1행 B열: 열 이름이 비어 있습니다", refusal("a,,y\n1,2,0\n1,2,1\n1,2,0\n"));
        assertEquals("1행 C열: 열 이름 'a'이(가) 앞에서 이미 쓰였습니다", refusal("a,b,a\n1,2,0\n1,2,1\n1,2,0\n"));
        assertEquals("1행: 열이 1개뿐입니다. 특성 열 하나 이상과 목표 열 하나가 쉼표나 탭으로 나뉘어 있어야 합니다",
                refusal("a;b;y\n1;2;0\n"));
        assertEquals("1행: 첫 줄에 열 이름(헤더)이 있어야 합니다. 파일이 비어 있거나 첫 줄이 빈 줄입니다", refusal(""));
        assertEquals("목표 열 C열('y')의 값이 모두 7입니다: 값이 하나뿐이면 배울 것이 없습니다",
                refusal("a,b,y\n1,2,7\n3,4,7\n5,6,7\n"));
        assertEquals("목표 열 'z'이(가) 헤더에 없습니다. 열 이름: a, b, y",
                refusal("a,b,y\n1,2,0\n", new CsvText.Rules("z", null, 3, 100, 10)));
        assertEquals("목표 열 C열('y')에 서로 다른 값이 3개 있습니다: binary(이진 분류)는 정확히 2개여야 합니다",
                refusal("a,b,y\n1,2,0\n3,4,1\n5,6,2\n", new CsvText.Rules(null, DatasetInfo.BINARY, 3, 100, 10)));
        assertEquals("데이터가 2행뿐입니다: 훈련과 테스트로 나누려면 적어도 3행이 있어야 합니다", refusal("a,y\n1,0\n2,1\n\n"));
        assertEquals("5행: 데이터는 3행까지 올릴 수 있습니다",
                refusal("a,y\n1,0\n2,1\n3,0\n4,1\n", new CsvText.Rules(null, null, 1, 3, 10)));
        assertEquals("1행: 열이 4개입니다. 열은 3개까지 올릴 수 있습니다",
                refusal("a,b,c,y\n1,2,3,0\n", new CsvText.Rules(null, null, 1, 3, 3)));
    }

    @Test
    void columnLettersGoPastZAsASpreadsheetCountsThem() {
        assertEquals(List.of("A", "Z", "AA", "AZ", "BA"),
                List.of(CsvText.column(0), CsvText.column(25), CsvText.column(26), CsvText.column(51), CsvText.column(52)));
    }

    /** Seeded mutations of a good table: each either reads or is refused with a message, never anything else. */
    @Test
    void mangledFilesAreReadOrRefusedNeverCrash() {
        String good = "키,몸무게,\"반, 번호\",y\n" + "170,65.5,3,0\n160,50,1,1\n180,80.25,2,2\n".repeat(3);
        char[] alphabet = {',', '\t', '"', '\n', '\r', ' ', '-', '.', 'e', '1', '0', '가', '\uFEFF', '\u0000'};
        java.util.SplittableRandom random = new java.util.SplittableRandom(14);
        int read = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder(good);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet[random.nextInt(alphabet.length)]);
                    default -> text.setCharAt(at, alphabet[random.nextInt(alphabet.length)]);
                }
            }
            try {
                CsvText.Table t = CsvText.parse(text.toString(), RULES);
                assertEquals(t.samples().rows() * t.features().size(), t.samples().x().length);
                read++;
            } catch (BadCsvException e) {
                assertTrue(!e.getMessage().isBlank() && e.getMessage().codePoints().anyMatch(c -> c >= 0xAC00),
                        e.getMessage());
            }
        }
        assertTrue(read > 100 && read < 2900, "both outcomes occur: " + read);
    }
}
