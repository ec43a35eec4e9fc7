package playground.markdown;

/** One heading of a lesson: its level (1–6), its anchor id and its plain text. */
public record TocEntry(int level, String id, String text) {}
