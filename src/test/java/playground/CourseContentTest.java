package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import playground.data.Datasets;
import playground.document.FitSpec;
import playground.document.InvalidConfigException;
import playground.runs.RunResult;
import playground.document.RunSpec;
import playground.runs.Runner;
import playground.runs.RunResources;

/**
 * Our own course in {@code content/}: every widget block is a run document that validates and trains, every
 * lesson of the "머신러닝 기초" unit has a table of contents, things to touch and a quiz, and no line of ours is
 * taken from the teacher's notes in {@code ../shared/notes}.
 */
class CourseContentTest {
    private static final Path CONTENT = Path.of("content");
    private static final Path UNIT = CONTENT.resolve("ml-basics");
    /** Epochs each block is trained for here: enough to see the losses move, few enough to stay fast. */
    private static final int TEST_EPOCHS = 3;
    /** A preset must stay cheap on the server (RunSpec.cost ≈ 6 × params × rows × epochs; about a second). */
    private static final long COST_LIMIT = 1_000_000_000L;

    private static final Pattern FENCE = Pattern.compile("(?m)^```(playground|activations)([^\\n]*)\\n(.*?)^```\\s*$",
            Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("([A-Za-z_]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Set<String> OPTIONS = Set.of("title", "hide", "lock", "view", "compare");
    private static final Set<String> CONTROLS = Set.of("dataset", "normalize", "layers", "optimizer", "learning_rate",
            "loss", "epochs", "batch_size", "validation_split", "seed", "shuffle");
    /** The scikit-learn widget's control names (sk-form.js's data-control). */
    private static final Pattern SKLEARN_CONTROL =
            Pattern.compile("family|estimator|dataset|test_size|random_state|(param|pre)-[A-Za-z_]+");
    private static final Set<String> ACTIVATIONS = Set.of("linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu",
            "softmax");
    /** Markup of the lesson dialect that every page must spell the same way: not prose, so not copying. */
    private static final Set<String> DIALECT_MARKUP = Set.of("<details open markdown=\"block\">");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    record Block(Path file, String kind, Map<String, String> options, String body) {
        @Override
        public String toString() {
            return CONTENT.relativize(file) + " ```" + kind + " " + options;
        }
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static List<Block> blocks(Path file) throws IOException {
        String text = Files.readString(file);
        List<Block> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            Map<String, String> options = new LinkedHashMap<>();
            Matcher o = OPTION.matcher(m.group(2));
            while (o.find()) {
                options.put(o.group(1), o.group(2));
            }
            blocks.add(new Block(file, m.group(1), options, m.group(3)));
        }
        return blocks;
    }

    private static List<Block> allBlocks() throws IOException {
        List<Block> all = new ArrayList<>();
        for (Path file : files(CONTENT, ".md")) {
            all.addAll(blocks(file));
        }
        return all;
    }

    /** The document with one control set to {@code value}, as the widget's compare option does it. */
    private static RunSpec withControl(RunSpec spec, String control, String value) throws InvalidConfigException {
        ObjectNode doc = (ObjectNode) spec.toJson();
        ObjectNode fitNode = (ObjectNode) doc.get("fit");
        ObjectNode model = (ObjectNode) doc.get("model");
        ObjectNode compile = (ObjectNode) doc.get("compile");
        ObjectNode optimizer = (ObjectNode) compile.get("optimizer");
        switch (control) {
            case "batch_size" -> fitNode.put("batch_size", Integer.parseInt(value));
            case "epochs" -> fitNode.put("epochs", Integer.parseInt(value));
            case "validation_split" -> fitNode.put("validation_split", Double.parseDouble(value));
            case "shuffle" -> fitNode.put("shuffle", Boolean.parseBoolean(value));
            case "normalize" -> model.put("normalize", Boolean.parseBoolean(value));
            case "learning_rate" -> optimizer.put("learning_rate", Double.parseDouble(value));
            case "optimizer" -> optimizer.put("name", value);
            case "loss" -> compile.put("loss", value);
            case "seed" -> doc.put("seed", Long.parseLong(value));
            case "dataset" -> doc.put("dataset", value);
            default -> fail("compare cannot vary '" + control + "'");
        }
        return RunSpec.from(doc);
    }

    private static RunSpec capped(RunSpec spec) {
        FitSpec f = spec.fit();
        return new RunSpec(spec.dataset(), spec.seed(), spec.model(), spec.compile(),
                new FitSpec(Math.min(f.epochs(), TEST_EPOCHS), f.batch_size(), f.validation_split(), f.shuffle()));
    }

    private static void trains(Block block, String what, RunSpec spec) {
        assertTrue(RunResources.of(spec).ops() <= COST_LIMIT, block + what + ": cost " + RunResources.of(spec).ops() + " is above " + COST_LIMIT
                + "; a preset must stay cheap");
        RunResult result = Runner.run(capped(spec), spec.seed() == null ? 1L : spec.seed());
        List<Double> loss = result.history().get("loss");
        assertEquals(Math.min(spec.fit().epochs(), TEST_EPOCHS), loss.size(), block + what);
        result.history().forEach((key, values) -> values.forEach(v ->
                assertTrue(Double.isFinite(v), block + what + ": " + key + " = " + v)));
        result.scores().forEach((key, v) -> assertTrue(Double.isFinite(v), block + what + ": test " + key + " = " + v));
    }

    @Test
    void everyWidgetBlockIsAValidRunDocumentThatTrains() throws Exception {
        List<Block> widgets = allBlocks().stream().filter(b -> b.kind().equals("playground")).toList();
        assertTrue(widgets.size() >= 15, "the course has its widgets: " + widgets.size());
        for (Block block : widgets) {
            for (String key : block.options().keySet()) {
                assertTrue(OPTIONS.contains(key), block + ": unknown option " + key);
            }
            boolean estimator = block.body().contains("\"estimator\"");
            for (String key : List.of("hide", "lock")) {
                String names = block.options().get(key);
                if (names != null) {
                    for (String name : names.split(",")) {
                        assertTrue(estimator ? SKLEARN_CONTROL.matcher(name.strip()).matches() : CONTROLS.contains(name.strip()),
                                block + ": " + key + " names no control: " + name);
                    }
                }
            }
            if (estimator) {
                continue;  // a scikit-learn widget: server.LessonEstimatorsTest runs it on a real server
            }
            RunSpec spec;
            try {
                spec = RunSpec.parse(block.body());
            } catch (InvalidConfigException e) {
                fail(block + ": " + e.getMessage());
                return;
            }
            String view = block.options().getOrDefault("view", "loss");
            assertTrue(Set.of("loss", "boundary").contains(view), block + ": view " + view);
            if (view.equals("boundary")) {
                assertTrue(Datasets.isGenerated(spec.dataset().name()),
                        block + ": the boundary view needs a generated 2-D data set");
            }
            String compare = block.options().get("compare");
            if (compare == null) {
                trains(block, "", spec);
            } else {
                String[] parts = compare.split("=", 2);
                assertEquals(2, parts.length, block + ": compare is control=v1,v2,…");
                String control = parts[0].strip();
                assertTrue(CONTROLS.contains(control), block + ": compare names no control: " + control);
                String[] values = parts[1].split(",");
                assertTrue(values.length >= 2, block + ": compare needs two values or more");
                for (String value : values) {
                    trains(block, " with " + control + "=" + value.strip(), withControl(spec, control, value.strip()));
                }
            }
        }
    }

    @Test
    void activationExplorersNameKnownFunctions() throws IOException {
        List<Block> explorers = allBlocks().stream().filter(b -> b.kind().equals("activations")).toList();
        assertFalse(explorers.isEmpty(), "the deep-learning lesson has an activation explorer");
        for (Block block : explorers) {
            String body = block.body().strip();
            if (body.isEmpty()) {
                continue;
            }
            for (String name : body.split(",")) {
                assertTrue(ACTIVATIONS.contains(name.strip()), block + ": unknown activation " + name);
            }
        }
    }

    private static String squash(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    @Test
    void noLineOfOursComesFromTheNotes() throws IOException {
        Path notes = Path.of(System.getenv().getOrDefault("SHARED_DIR", "../shared"), "notes");
        assertTrue(Files.isDirectory(notes), "the teacher's notes are at " + notes.toAbsolutePath());
        List<String> theirs = new ArrayList<>();
        for (Path file : files(notes, "")) {
            try {
                theirs.add(squash(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (MalformedInputException binary) {
                // an image: no lines to compare
            }
        }
        assertFalse(theirs.isEmpty());
        List<String> copied = new ArrayList<>();
        int checked = 0;
        for (Path file : files(CONTENT, "")) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (MalformedInputException binary) {
                continue;
            }
            for (String line : text.split("\n")) {
                String ours = squash(line);
                if (ours.length() <= 30 || DIALECT_MARKUP.contains(ours)) {
                    continue;
                }
                checked++;
                if (theirs.stream().anyMatch(t -> t.contains(ours))) {
                    copied.add(CONTENT.relativize(file) + ": " + ours);
                }
            }
        }
        assertTrue(checked > 500, "lines checked: " + checked);
        assertEquals(List.of(), copied, "lines found in the notes");
    }

    @Test
    void everyLessonHasATocThingsToTouchAndAQuiz() throws IOException {
        String unit = Files.readString(UNIT.resolve("index.md"));
        assertTrue(unit.contains("has_children: true"), "the unit page lists its lessons");
        assertTrue(unit.contains("title: 머신러닝 기초"));
        List<Path> lessons = files(UNIT, ".md").stream()
                .filter(p -> !p.getFileName().toString().equals("index.md")).toList();
        assertEquals(5, lessons.size(), "five lessons: " + lessons);
        Set<String> orders = new java.util.HashSet<>();
        for (Path lesson : lessons) {
            String text = Files.readString(lesson);
            String name = CONTENT.relativize(lesson).toString();
            assertTrue(text.startsWith("---\n"), name + ": front matter");
            assertTrue(text.contains("\nparent: 머신러닝 기초\n"), name + ": parent");
            Matcher order = Pattern.compile("\\nnav_order: (\\d+)\\n").matcher(text);
            assertTrue(order.find(), name + ": nav_order");
            assertTrue(orders.add(order.group(1)), name + ": nav_order " + order.group(1) + " used twice");
            assertTrue(text.contains("<details open markdown=\"block\">") && text.contains("1. TOC")
                    && text.contains("{:toc}"), name + ": table of contents");
            List<Block> blocks = blocks(lesson);
            assertTrue(blocks.size() >= 2, name + ": at least two interactive elements, has " + blocks.size());
            assertTrue(text.contains("<summary>정답 보기</summary>") || text.contains("해 보기"),
                    name + ": a quiz or a try-this prompt");
            assertTrue(text.contains("$"), name + ": some math");
            assertTrue(text.contains("\n|"), name + ": a table");
        }
    }

    @Test
    void noControlCharactersSlippedIntoTheText() throws IOException {
        for (Path file : files(CONTENT, ".md")) {
            String text = Files.readString(file);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                assertFalse(c < 0x20 && c != '\n' && c != '\r', file + ": control character U+"
                        + String.format("%04X", (int) c) + " at offset " + i);
            }
        }
    }

    @Test
    void everyImageExistsAndEverySvgIsWellFormed() throws Exception {
        int images = 0;
        for (Path file : files(CONTENT, ".md")) {
            Matcher m = IMAGE.matcher(Files.readString(file));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http")) {
                    continue;
                }
                images++;
                assertTrue(Files.isRegularFile(file.getParent().resolve(target)), file + ": missing image " + target);
            }
        }
        assertTrue(images >= 8, "the course has its own figures: " + images);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Path svg : files(CONTENT, ".svg")) {
            try {
                factory.newDocumentBuilder().parse(svg.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                fail(svg + " is not well-formed XML: " + e.getMessage());
            }
        }
    }
}
