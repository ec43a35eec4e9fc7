package playground.markdown.internal;

import org.commonmark.node.CustomBlock;

/**
 * Wraps a {@code ```python} block the injected {@link playground.markdown.RunnableCode} has a word about: a run
 * document for its "▶ 이 코드 실행" button, or the reason it cannot run. Its only child is the code block.
 *
 * @see CodeRuns
 */
public final class CodeRunBlock extends CustomBlock {
    private final String runDocument;
    private final String refusal;

    public CodeRunBlock(String runDocument, String refusal) {
        this.runDocument = runDocument;
        this.refusal = refusal;
    }

    /** The run document (JSON), or null when the block cannot run. */
    public String runDocument() {
        return runDocument;
    }

    /** Why the block cannot run, or null. */
    public String refusal() {
        return refusal;
    }
}
