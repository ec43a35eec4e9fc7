package playground.keras;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Python source into logical lines of tokens: brackets and backslashes join physical lines, comments go,
 * IPython magics ({@code %%time}, {@code !pip install}) are skipped. Tokens only; nothing is evaluated.
 * Stateless; safe to share between threads.
 */
final class PythonLines {
    enum Kind { NAME, NUMBER, STRING, FSTRING, OP }

    /** One token; {@code line} is the 1-based physical line it starts on. */
    record Token(Kind kind, String text, int line) {
        boolean is(String op) {
            return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
        }
    }

    /** A logical line: the physical line it starts on, its indentation (columns), its tokens. */
    record Line(int number, int indent, List<Token> tokens) {}

    /** Thrown for source the tokenizer cannot follow (an unterminated string or bracket). */
    static final class SyntaxProblem extends Exception {
        final int line;

        SyntaxProblem(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final String[] OPERATORS = {"**=", "//=", ">>=", "<<=", "...", "**", "//", "==", "!=", "<=", ">=",
            "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=", "@=", "<<", ">>"};

    private PythonLines() {}

    static List<Line> of(String source) throws SyntaxProblem {
        List<Line> lines = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        String s = source.replace("\r\n", "\n").replace('\r', '\n');
        int n = s.length();
        int i = 0;
        int line = 1;
        int depth = 0;
        int start = 1;
        int indent = 0;
        boolean atLineStart = true;
        while (i < n) {
            char c = s.charAt(i);
            if (atLineStart && depth == 0 && tokens.isEmpty()) {
                int col = 0;
                int j = i;
                while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                    col = s.charAt(j) == '\t' ? (col / 8 + 1) * 8 : col + 1;
                    j++;
                }
                i = j;
                indent = col;
                start = line;
                atLineStart = false;
                if (i < n && (s.charAt(i) == '%' || s.charAt(i) == '!')) {
                    while (i < n && s.charAt(i) != '\n') i++;  // an IPython magic or shell line
                }
                continue;
            }
            atLineStart = false;
            if (c == '\n') {
                line++;
                i++;
                atLineStart = true;
                if (depth == 0 && !tokens.isEmpty()) {
                    lines.add(new Line(start, indent, List.copyOf(tokens)));
                    tokens.clear();
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\f') {
                i++;
            } else if (c == '#') {
                while (i < n && s.charAt(i) != '\n') i++;
            } else if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '\n') {
                i += 2;
                line++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < n) {
                    char d = s.charAt(j);
                    boolean exponentSign = (d == '+' || d == '-') && j > i
                            && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E') && !s.startsWith("0x", i);
                    if (Character.isLetterOrDigit(d) || d == '.' || d == '_' || exponentSign) j++;
                    else break;
                }
                tokens.add(new Token(Kind.NUMBER, s.substring(i, j), line));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                String word = s.substring(i, j);
                if (j < n && (s.charAt(j) == '\'' || s.charAt(j) == '"') && word.length() <= 2
                        && word.toLowerCase().matches("[rbuf]+")) {
                    int[] end = new int[2];
                    String value = string(s, j, word.toLowerCase().contains("r"), line, end);
                    boolean f = word.toLowerCase().contains("f");
                    tokens.add(new Token(f ? Kind.FSTRING : Kind.STRING, value, line));
                    i = end[0];
                    line = end[1];
                } else {
                    tokens.add(new Token(Kind.NAME, word, line));
                    i = j;
                }
            } else if (c == '\'' || c == '"') {
                int[] end = new int[2];
                String value = string(s, i, false, line, end);
                tokens.add(new Token(Kind.STRING, value, line));
                i = end[0];
                line = end[1];
            } else {
                String op = String.valueOf(c);
                for (String candidate : OPERATORS) {
                    if (s.startsWith(candidate, i)) {
                        op = candidate;
                        break;
                    }
                }
                if ("([{".contains(op)) depth++;
                if (")]}".contains(op)) depth = Math.max(0, depth - 1);
                tokens.add(new Token(Kind.OP, op, line));
                i += op.length();
            }
        }
        if (depth > 0) throw new SyntaxProblem(start, "괄호가 닫히지 않았습니다");
        if (!tokens.isEmpty()) lines.add(new Line(start, indent, List.copyOf(tokens)));
        return lines;
    }

    /** Reads the string literal opening at {@code at}; {@code end} receives the index after it and the line there. */
    private static String string(String s, int at, boolean raw, int line, int[] end) throws SyntaxProblem {
        char quote = s.charAt(at);
        boolean triple = s.startsWith(String.valueOf(quote).repeat(3), at);
        int i = at + (triple ? 3 : 1);
        StringBuilder value = new StringBuilder();
        int startLine = line;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (next == '\n') line++;
                if (raw) value.append(c).append(next);
                else value.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
                i += 2;
                continue;
            }
            if (c == '\n') {
                if (!triple) throw new SyntaxProblem(startLine, "문자열이 닫히지 않았습니다");
                line++;
            }
            if (c == quote && (!triple || s.startsWith(String.valueOf(quote).repeat(3), i))) {
                end[0] = i + (triple ? 3 : 1);
                end[1] = line;
                return value.toString();
            }
            value.append(c);
            i++;
        }
        throw new SyntaxProblem(startLine, "문자열이 닫히지 않았습니다");
    }
}
