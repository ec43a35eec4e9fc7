package playground.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import playground.markdown.RunnableCode;

/** Hands a lesson's {@code ```python} blocks to the {@link RunnableCode} and wraps those it answers for. */
public final class CodeRuns {
    private static final Set<String> PYTHON = Set.of("python", "py", "python3", "ipython");

    private CodeRuns() {}

    /** @return how many blocks got a run document or a refusal */
    public static int apply(Node document, RunnableCode runnableCode) {
        List<FencedCodeBlock> blocks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                String info = block.getInfo() == null ? "" : block.getInfo().strip();
                String language = info.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
                if (PYTHON.contains(language)) blocks.add(block);
            }
        });
        if (blocks.isEmpty()) return 0;
        List<RunnableCode.Block> answers = runnableCode.read(blocks.stream().map(FencedCodeBlock::getLiteral).toList());
        if (answers.size() != blocks.size()) {
            throw new IllegalStateException("RunnableCode must answer once per block: " + blocks.size() + " blocks, "
                    + answers.size() + " answers");
        }
        int wrapped = 0;
        for (int i = 0; i < blocks.size(); i++) {
            RunnableCode.Block answer = answers.get(i);
            if (answer.runDocument() == null && answer.refusal() == null) continue;
            wrapped++;
            FencedCodeBlock block = blocks.get(i);
            CodeRunBlock wrapper = new CodeRunBlock(answer.runDocument(),
                    answer.runDocument() == null ? answer.refusal() : null);
            block.insertBefore(wrapper);
            block.unlink();
            wrapper.appendChild(block);
        }
        return wrapped;
    }
}
