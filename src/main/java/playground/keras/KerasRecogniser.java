package playground.keras;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import playground.keras.Value.Model;
import playground.keras.Value.Problem;

/**
 * Recognises, in a lesson's Python code, the Keras the course uses: a {@code keras.Sequential} of Dense layers
 * (after an adapted Normalization), {@code compile} and {@code fit} on one of our data sets. Parses, never runs:
 * no Python executes anywhere. For each block it says whether a run document can be built from it (the block
 * that writes the model gets it), why not when the block almost can, or nothing for code outside the subset.
 * Stateless; safe to share between threads.
 */
public final class KerasRecogniser {
    private KerasRecogniser() {}

    /**
     * Where and why the recogniser stopped following a model's code.
     *
     * @param block  index of the code block the line is in
     * @param line   1-based line within that block
     * @param code   that line's text, trimmed
     * @param reason why, in Korean
     */
    public record Refusal(int block, int line, String code, String reason) {
        /** The message shown on hovering block {@code shownOn}: where the line is, what it says, why. */
        public String message(int shownOn) {
            String where = block == shownOn ? "" : block > shownOn ? "아래 코드 블록의 " : "위 코드 블록의 ";
            return "이 코드는 놀이터에서 실행할 수 없습니다.\n" + where + line + "번째 줄: " + code + "\n→ " + reason;
        }
    }

    /**
     * What one code block offers: a run document (the ▶ button), a refusal (the hover note), or neither.
     *
     * @param document a valid run document (RunSpec.from accepts it), or null
     * @param refusal  why the block's model cannot run, or null
     */
    public record Verdict(ObjectNode document, Refusal refusal) {
        public static final Verdict NONE = new Verdict(null, null);

        public boolean runnable() {
            return document != null;
        }
    }

    /** One verdict per block, in order; the blocks are read as one program, like a notebook's cells. */
    public static List<Verdict> recognise(List<String> blocks) {
        KerasReader reader = new KerasReader();
        for (int i = 0; i < blocks.size(); i++) {
            try {
                reader.read(i, blocks.get(i));
            } catch (RuntimeException | StackOverflowError e) {
                // Code we cannot follow must never break a lesson: the rest of this block is simply not read.
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) verdicts.add(Verdict.NONE);
        for (Model model : reader.models) {
            int b = model.origin.block();
            Verdict current = verdicts.get(b);
            if (current.runnable()) continue;
            if (model.document != null) {
                verdicts.set(b, new Verdict(model.document, null));
            } else if (current.refusal() == null) {
                Problem p = model.problem != null ? model.problem : new Problem(b, model.origin.line(),
                        "이 모델을 훈련하는 model.fit(...)이 이 강의의 코드에 없습니다");
                verdicts.set(b, new Verdict(null, refusal(p, blocks)));
            }
        }
        return verdicts;
    }

    /** The verdict for one program in one block: its first runnable model, else the first refusal. */
    public static Verdict recognise(String code) {
        Verdict v = recognise(List.of(code)).get(0);
        if (v == Verdict.NONE) {
            return new Verdict(null, new Refusal(0, 1, firstLine(code), "keras.Sequential로 만든 모델이 없습니다"));
        }
        return v;
    }

    private static Refusal refusal(Problem p, List<String> blocks) {
        String[] lines = blocks.get(p.block()).replace("\r\n", "\n").split("\n", -1);
        String code = p.line() >= 1 && p.line() <= lines.length ? lines[p.line() - 1].strip() : "";
        if (code.length() > 80) code = code.substring(0, 79) + "…";
        return new Refusal(p.block(), p.line(), code, p.reason());
    }

    private static String firstLine(String code) {
        String s = code.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
