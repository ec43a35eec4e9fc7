package playground.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A teacher's or a student's CSV as a table to train on: a header row, then numbers only, comma- or tab-separated
 * (the header decides), an optional UTF-8 BOM, cells optionally in double quotes as spreadsheets write them. The
 * target is a column the caller names (by default the last), the task is inferred from its values unless given.
 * Every refusal is a {@link BadCsvException} whose Korean message names the row and column as a spreadsheet shows
 * them ({@code 4행 B열('방 개수')}). Stateless; safe to share.
 */
public final class CsvText {
    /** Whole-number targets with at most this many distinct values are read as classes unless a task is given. */
    public static final int INFERRED_CLASSES = 10;
    /** Classes a classification target may have. */
    public static final int MAX_CLASSES = 20;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * How much a table may hold and how it is read.
     *
     * @param target  the target column's name, or null for the last column
     * @param task    {@code regression}, {@code binary} or {@code multiclass}, or null to infer it
     * @param minRows fewest data rows (a train/test split of fewer says nothing)
     */
    public record Rules(String target, String task, int minRows, int maxRows, int maxColumns) {}

    /**
     * A table read: the feature columns in file order, the target's name, the task, the class names (the target's
     * distinct values in ascending order, as written; empty for regression) and the rows, each class as its index.
     */
    public record Table(List<String> features, String target, String task, List<String> classes, Samples samples) {}

    private CsvText() {}

    /** @throws BadCsvException naming the first cell, row or rule the text breaks */
    public static Table parse(String text, Rules rules) throws BadCsvException {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new BadCsvException("1행: 첫 줄에 열 이름(헤더)이 있어야 합니다. 파일이 비어 있거나 첫 줄이 빈 줄입니다");
        }
        char separator = lines.get(0).chars().filter(c -> c == '\t').count()
                > lines.get(0).chars().filter(c -> c == ',').count() ? '\t' : ',';
        List<String> header = header(cells(lines.get(0), separator, 1), rules.maxColumns());
        int target = targetColumn(header, rules.target());

        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            int line = i + 1;
            if (rows.size() == rules.maxRows()) {
                throw new BadCsvException(line + "행: 데이터는 " + rules.maxRows() + "행까지 올릴 수 있습니다");
            }
            List<String> cells = cells(lines.get(i), separator, line);
            if (cells.size() != header.size()) {
                throw new BadCsvException(line + "행: 열이 " + header.size() + "개여야 하는데 " + cells.size()
                        + "개입니다 (헤더의 열 수와 같아야 합니다)");
            }
            double[] row = new double[cells.size()];
            for (int j = 0; j < row.length; j++) row[j] = number(cells.get(j), line, j, header.get(j));
            rows.add(row);
            lineNumbers.add(line);
        }
        if (rows.size() < rules.minRows()) {
            throw new BadCsvException("데이터가 " + rows.size() + "행뿐입니다: 훈련과 테스트로 나누려면 적어도 "
                    + rules.minRows() + "행이 있어야 합니다");
        }
        return table(header, target, rows, rules.task());
    }

    private static Table table(List<String> header, int target, List<double[]> rows, String task)
            throws BadCsvException {
        String targetName = header.get(target);
        TreeSet<Double> values = new TreeSet<>();
        for (double[] row : rows) values.add(row[target]);
        String where = column(target) + "열('" + targetName + "')";
        if (values.size() == 1) {
            throw new BadCsvException("목표 열 " + where + "의 값이 모두 " + name(values.first())
                    + "입니다: 값이 하나뿐이면 배울 것이 없습니다");
        }
        String chosen = task != null ? task : inferredTask(values);
        if (!chosen.equals(DatasetInfo.REGRESSION)) checkClasses(chosen, values, where);
        List<String> classes = chosen.equals(DatasetInfo.REGRESSION) ? List.of()
                : values.stream().map(CsvText::name).toList();
        List<Double> index = List.copyOf(values);

        int features = header.size() - 1;
        double[] x = new double[rows.size() * features];
        double[] y = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            for (int j = 0, k = 0; j < row.length; j++) if (j != target) x[r * features + k++] = row[j];
            y[r] = classes.isEmpty() ? row[target] : index.indexOf(row[target]);
        }
        List<String> names = new ArrayList<>(header);
        names.remove(target);
        return new Table(List.copyOf(names), targetName, chosen, classes, new Samples(rows.size(), features, x, y));
    }

    /** Classes when every value is a whole number and there are few of them; else regression. */
    private static String inferredTask(TreeSet<Double> values) {
        boolean whole = values.stream().allMatch(v -> v == Math.rint(v));
        if (!whole || values.size() > INFERRED_CLASSES) return DatasetInfo.REGRESSION;
        return values.size() == 2 ? DatasetInfo.BINARY : DatasetInfo.MULTICLASS;
    }

    private static void checkClasses(String task, TreeSet<Double> values, String where) throws BadCsvException {
        if (task.equals(DatasetInfo.BINARY) && values.size() != 2) {
            throw new BadCsvException("목표 열 " + where + "에 서로 다른 값이 " + values.size()
                    + "개 있습니다: binary(이진 분류)는 정확히 2개여야 합니다");
        }
        if (values.size() > MAX_CLASSES) {
            throw new BadCsvException("목표 열 " + where + "에 서로 다른 값이 " + values.size()
                    + "개 있습니다: 분류는 클래스 " + MAX_CLASSES + "개까지입니다. 연속된 값이면 task를 regression으로 하세요");
        }
    }

    private static List<String> header(List<String> names, int maxColumns) throws BadCsvException {
        if (names.size() > maxColumns) {
            throw new BadCsvException("1행: 열이 " + names.size() + "개입니다. 열은 " + maxColumns + "개까지 올릴 수 있습니다");
        }
        if (names.size() < 2) {
            throw new BadCsvException("1행: 열이 " + names.size() + "개뿐입니다. 특성 열 하나 이상과 목표 열 하나가 "
                    + "쉼표나 탭으로 나뉘어 있어야 합니다");
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (name.isEmpty()) throw new BadCsvException("1행 " + column(j) + "열: 열 이름이 비어 있습니다");
            if (!seen.add(name)) {
                throw new BadCsvException("1행 " + column(j) + "열: 열 이름 '" + name + "'이(가) 앞에서 이미 쓰였습니다");
            }
        }
        return names;
    }

    private static int targetColumn(List<String> header, String target) throws BadCsvException {
        if (target == null) return header.size() - 1;
        int index = header.indexOf(target.trim());
        if (index < 0) {
            throw new BadCsvException("목표 열 '" + target + "'이(가) 헤더에 없습니다. 열 이름: " + String.join(", ", header));
        }
        return index;
    }

    private static double number(String cell, int line, int j, String columnName) throws BadCsvException {
        String where = line + "행 " + column(j) + "열('" + columnName + "')";
        if (cell.isEmpty()) throw new BadCsvException(where + ": 빈 칸입니다. 모든 칸에 숫자가 있어야 합니다");
        if (!NUMBER.matcher(cell).matches()) {
            throw new BadCsvException(where + ": 숫자가 아닙니다 (받은 값: \"" + shorten(cell) + "\")");
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) throw new BadCsvException(where + ": 숫자가 너무 큽니다 (받은 값: " + shorten(cell) + ")");
        return value;
    }

    /**
     * One line's cells, trimmed: a cell in double quotes may hold the separator, and {@code ""} inside it is one
     * quote (RFC 4180); a line break inside quotes is not read.
     */
    static List<String> cells(String line, char separator, int lineNumber) throws BadCsvException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') cell.append(c);
                else if (i + 1 < line.length() && line.charAt(i + 1) == '"') cell.append(line.charAt(++i));
                else quoted = false;
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == separator) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new BadCsvException(lineNumber + "행 " + column(cells.size()) + "열: 따옴표(\")가 닫히지 않았습니다");
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** A spreadsheet's column letters: A … Z, AA, AB … */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) letters.insert(0, (char) ('A' + (n - 1) % 26));
        return letters.toString();
    }

    /** A class value as a student wrote it: 1 rather than 1.0. */
    private static String name(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
