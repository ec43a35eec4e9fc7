package playground.markdown;

import java.util.Collections;
import java.util.List;

/**
 * Decides which of a lesson's Python code blocks can run in the playground. The server injects one backed by the
 * Keras recogniser, so this package never imports {@code playground.keras} or {@code playground.runs}.
 * Implementations must be safe to share between threads.
 */
@FunctionalInterface
public interface RunnableCode {
    /**
     * @param pythonBlocks the lesson's {@code ```python} blocks in order (read together, like a notebook's cells)
     * @return one entry per block, in the same order
     */
    List<Block> read(List<String> pythonBlocks);

    /**
     * What one block offers.
     *
     * @param runDocument a valid run document (JSON) for the "▶ 이 코드 실행" button, or null
     * @param refusal     for a block that almost runs: which line could not be followed and why (Korean), or null
     */
    record Block(String runDocument, String refusal) {
        public static final Block NONE = new Block(null, null);
    }

    /** The default: no block runs. */
    static RunnableCode none() {
        return blocks -> Collections.nCopies(blocks.size(), Block.NONE);
    }
}
