package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import playground.RealSite;
import playground.loadtest.SelfVisit;
import playground.runs.RunLimits;

/** The server's warm-up visit goes through the real paths a student's run takes, and leaves nothing running. */
class SelfVisitIT {
    @Test
    void theVisitRunsItsShortRunsToDoneOverTheSocketAndLeavesTheServerIdle() throws Exception {
        try (RealSite server = RealSite.oneCourse().start()) {
            assertEquals(List.of("done", "done", "done"), SelfVisit.run(server.port()));
            server.awaitIdle(Duration.ofSeconds(5));
            assertEquals(200, server.get("/healthz").statusCode());
        }
    }

    @Test
    void theVisitGivesWayWhenStudentsAreAlreadyTraining() throws Exception {
        try (RealSite server = RealSite.oneCourse().limits(RunLimits.defaults().withWorkers(1).withQueue(1, 4)
                .withCostBudget(TrainSocketTest.LONG_RUN_BUDGET)).start();
             SocketClient student = SocketClient.open(server.port(), "early-student-1")) {
            student.start(TrainSocketTest.LONG_RUN);
            student.until("started", 10);
            assertEquals(List.of(SelfVisit.SKIPPED), SelfVisit.run(server.port()));
            assertEquals(0, server.status().path("queued").asInt(), "the visit queued nothing behind the student");
            student.until("done", 60);  // the student's run was not disturbed (until fails the test otherwise)
        }
    }
}
