package playground.lessons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import playground.markdown.SearchSection;

/**
 * The course's search, for a student typing Korean: spaces do not matter ("경사 하강법" finds 경사하강법), code,
 * tables and math are searched, a small slip is forgiven ("경사하깡법", "과적합" for 과대적합: one edit within a
 * word of three or more, two from seven on, starting with the same letter), and a lesson whose title or section
 * heading holds the term comes before one that only mentions it. Exact hits always rank above forgiven ones.
 * <p>Immutable; safe to share between threads. Built once per loaded course.
 */
final class Search {
    private static final int SNIPPET_BEFORE = 50;
    private static final int SNIPPET_AFTER = 70;
    private static final int TITLE = 1000;
    private static final int HEADING = 100;
    /** Mentions count up to this, so no number of mentions outranks one heading. */
    private static final int MAX_MENTIONS = 99;

    /** A text with whitespace runs made single spaces, and the same without spaces for matching. */
    private record Text(String shown, String compact, int[] at) {
        static Text of(String raw) {
            String shown = raw == null ? "" : raw.replaceAll("\\s+", " ").strip();
            String lower = shown.toLowerCase(Locale.ROOT);
            StringBuilder compact = new StringBuilder(lower.length());
            int[] at = new int[lower.length()];
            for (int i = 0; i < lower.length(); i++) {
                if (lower.charAt(i) != ' ') {
                    at[compact.length()] = i;
                    compact.append(lower.charAt(i));
                }
            }
            return new Text(shown, compact.toString(), java.util.Arrays.copyOf(at, compact.length()));
        }

        /** The shown text's span for compact positions {@code [from, to)}. */
        int start(int from) {
            return at[from];
        }

        int end(int to) {
            return at[to - 1] + 1;
        }
    }

    private record Section(String id, Text heading, Text body) {}

    private record Entry(Lesson lesson, Text title, List<Section> sections) {}

    /** Where a query matched in a text: compact positions {@code [from, to)}, and with how many edits. */
    private record Match(int from, int to, int edits) {}

    private final List<Entry> entries;

    Search(List<Lesson> lessons) {
        List<Entry> all = new ArrayList<>();
        for (Lesson lesson : lessons) {
            List<Section> sections = new ArrayList<>();
            for (SearchSection s : lesson.content().sections()) {
                sections.add(new Section(s.id(), Text.of(s.heading()), Text.of(s.text())));
            }
            all.add(new Entry(lesson, Text.of(lesson.title()), sections));
        }
        this.entries = List.copyOf(all);
    }

    private record Scored(SearchHit hit, boolean exact, int score, int order) {}

    List<SearchHit> search(String query, int limit) {
        String needle = query == null ? "" : query.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (needle.isEmpty()) {
            return List.of();
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Scored exact = score(entry, needle, 0, i);
            Scored hit = exact != null ? exact : score(entry, needle, allowedEdits(needle), i);
            if (hit != null) {
                scored.add(hit);
            }
        }
        scored.sort(Comparator.comparing(Scored::exact).reversed().thenComparing(Comparator.comparingInt(
                Scored::score).reversed()).thenComparingInt(Scored::order));
        return scored.stream().limit(limit).map(Scored::hit).toList();
    }

    /** One slip in a word of three letters or more, two from seven on; none in shorter ones. */
    static int allowedEdits(String needle) {
        int length = needle.codePointCount(0, needle.length());
        return length < 3 ? 0 : length < 7 ? 1 : 2;
    }

    /** The lesson's score and snippet for {@code needle} with up to {@code edits} edits, or null if it has none. */
    private Scored score(Entry entry, String needle, int edits, int order) {
        if (edits == 0 && entry.title().compact().isEmpty()) {
            return null;
        }
        boolean inTitle = !matches(entry.title(), needle, edits, 1).isEmpty();
        int score = inTitle ? TITLE : 0;
        Section best = null;
        int bestRank = 0;
        Section quoted = null;
        Match quote = null;
        for (Section section : entry.sections()) {
            boolean inHeading = !matches(section.heading(), needle, edits, 1).isEmpty();
            List<Match> mentions = matches(section.body(), needle, edits, MAX_MENTIONS);
            int rank = (inHeading ? HEADING : 0) + mentions.size();
            score += rank;
            if (rank > bestRank) {
                bestRank = rank;
                best = section;
            }
            if (!mentions.isEmpty() && (quote == null || section == best)) {
                quoted = section;
                quote = mentions.get(0);
            }
        }
        score = Math.min(score, TITLE + HEADING * 9 + MAX_MENTIONS);
        if (!inTitle && best == null) {
            return null;
        }
        return new Scored(hit(entry, best, quoted, quote), edits == 0, score, order);
    }

    /**
     * The hit points at {@code best}, the section that teaches the term (a heading holding it, or the most
     * mentions), unless that is the lesson's own title heading; the snippet quotes {@code match} in {@code quoted}.
     */
    private static SearchHit hit(Entry entry, Section best, Section quoted, Match match) {
        Lesson lesson = entry.lesson();
        boolean titleHeading = best == null || best.heading().shown().isEmpty()
                || best.heading().shown().equals(entry.title().shown());
        String heading = titleHeading ? null : best.heading().shown();
        String anchor = titleHeading ? null : best.id();
        if (match == null) {
            Text body = best != null ? best.body()
                    : entry.sections().isEmpty() ? Text.of("") : entry.sections().get(0).body();
            String start = body.shown().substring(0, Math.min(body.shown().length(), SNIPPET_BEFORE + SNIPPET_AFTER));
            return new SearchHit(lesson, heading, anchor, start + (start.length() < body.shown().length() ? "…" : ""),
                    "", "");
        }
        String text = quoted.body().shown();
        int start = quoted.body().start(match.from());
        int end = quoted.body().end(match.to());
        int from = Math.max(0, start - SNIPPET_BEFORE);
        int to = Math.min(text.length(), end + SNIPPET_AFTER);
        return new SearchHit(lesson, heading, anchor, (from > 0 ? "…" : "") + text.substring(from, start),
                text.substring(start, end), text.substring(end, to) + (to < text.length() ? "…" : ""));
    }

    /** Up to {@code limit} non-overlapping places where {@code needle} occurs in {@code text}, in order. */
    private static List<Match> matches(Text text, String needle, int edits, int limit) {
        String hay = text.compact();
        List<Match> found = new ArrayList<>();
        if (edits == 0) {
            for (int at = hay.indexOf(needle); at >= 0 && found.size() < limit; at = hay.indexOf(needle, at + needle.length())) {
                found.add(new Match(at, at + needle.length(), 0));
            }
            return found;
        }
        char first = needle.charAt(0);
        for (int at = hay.indexOf(first); at >= 0 && found.size() < limit; at = hay.indexOf(first, at + 1)) {
            Match m = closest(hay, at, needle, edits);
            if (m != null) {
                found.add(m);
                at = m.to() - 1;
            }
        }
        return found;
    }

    /**
     * The shortest-edit match of {@code needle} against {@code hay} starting at {@code start} (whose first letter
     * already agrees), ending anywhere: Levenshtein distance with a free end, at most {@code edits}.
     */
    private static Match closest(String hay, int start, String needle, int edits) {
        int n = needle.length();
        int maxLength = Math.min(hay.length() - start, n + edits);
        // row[j]: edits to turn needle[0, i) into hay[start, start + j)
        int[] row = new int[maxLength + 1];
        for (int j = 0; j <= maxLength; j++) {
            row[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int[] next = new int[maxLength + 1];
            next[0] = i;
            int smallest = next[0];
            for (int j = 1; j <= maxLength; j++) {
                int same = needle.charAt(i - 1) == hay.charAt(start + j - 1) ? 0 : 1;
                next[j] = Math.min(Math.min(row[j - 1] + same, row[j] + 1), next[j - 1] + 1);
                smallest = Math.min(smallest, next[j]);
            }
            if (smallest > edits) {
                return null;
            }
            row = next;
        }
        int bestEnd = -1;
        for (int j = 1; j <= maxLength; j++) {
            if (row[j] <= edits && (bestEnd < 0 || row[j] < row[bestEnd])) {
                bestEnd = j;
            }
        }
        return bestEnd < 0 ? null : new Match(start, start + bestEnd, row[bestEnd]);
    }
}
