package playground.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import playground.vocabulary.OptimizerType;
import playground.vocabulary.Vocabulary;
import playground.document.OptimizerSpec;

/** The memory estimate counts the optimizer state each registry entry says its engine rule keeps. */
class OptimizerSlotsTest {
    @Test
    void theEstimateAndTheRegistryAgreeOnEveryOptimizersState() {
        for (OptimizerType type : Vocabulary.OPTIMIZERS) {
            for (boolean flag : new boolean[]{false, true}) {
                Map<String, Object> values = type.defaults(null);
                values.replaceAll((name, v) -> v instanceof Boolean ? flag : v);  // amsgrad keeps a third slot
                OptimizerSpec spec = new OptimizerSpec(type.name(), values);
                assertEquals(type.slots(values), RunResources.slots(spec), spec.toString());
            }
        }
    }
}
