package playground.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The cluster benchmark, small: two web processes behind HAProxy, two workers, one Redis, 30 students on the notes'
 * model; a worker and then a web process are killed mid-class. Nothing may be lost and every history must be the
 * seed's own.
 */
class ClusterLoadIT {
    @Test
    void aClassFinishesWhenAWorkerAndAWebProcessDieMidClassWithEveryHistoryItsSeeds() throws Exception {
        FleetRequirement.check();
        String line = ClusterLoad.run(2, 2, 30, true, true, 5);
        System.out.println(line);
        JsonNode result = new ObjectMapper().readTree(line);
        assertEquals(30, result.path("done").asInt(), line);
        assertEquals(0, result.path("errors").asInt(), line);
        assertEquals(0, result.path("lost").asInt(), line);
        assertTrue(result.path("killed_worker").asBoolean(), line);
        assertTrue(result.path("killed_web").asBoolean(), line);
        assertTrue(result.path("identical").asBoolean(), line);
        // the kills had something to take over: runs re-run on the other worker, sockets resumed on the other web
        assertTrue(result.path("reruns").asInt() > 0, line);
        assertTrue(result.path("resumed").asInt() > 0, line);
    }
}
