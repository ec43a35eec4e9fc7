package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.cluster.ClusterRuns;
import playground.cluster.Redis;
import playground.cluster.Worker;
import playground.loadtest.FleetRequirement;
import playground.loadtest.RedisServer;
import playground.runs.RunLimits;
import playground.document.RunSpec;
import playground.runs.Runner;
import playground.runs.Sandbox;
import playground.runs.Scheduler;
import playground.server.Site;
import playground.server.TrainService;
import playground.server.UploadLimits;

/**
 * The lesson widget on a cluster, in headless Chromium: the web process serving its socket stops in the middle of a
 * run and another takes its place on the same address (a dyno restarted behind the router); the widget reconnects,
 * resumes its run and draws every epoch once, the numbers the seed gives.
 */
class ClusterWidgetBrowserIT {
    private static final String RUN = RunDoc.notes().epochs(200).batchSize(1).json();
    private static final String DRAWN = "return document.querySelector('.pg-chart canvas').pgChart.data.datasets[0].data.length";
    private static final RunLimits LIMITS = RunLimits.defaults().withWorkers(1).withStartsPerMinute(1000);

    private static TrainService webProcess(RedisServer redis) {
        TrainService service = new TrainService(LIMITS, Set.of(), "one-secret-for-the-fleet", 0,
                UploadLimits.defaults(), Clock.systemUTC());
        return service.withRemoteRuns(new ClusterRuns(Redis.connect(redis.url()), service.sandbox()));
    }

    @RegisterExtension
    static final BrowserTab browser = BrowserTab.size(1200, 1400);

    @Test
    void theWidgetResumesItsRunThroughAnotherWebProcessAndDrawsEveryEpochOnce() throws Exception {
        FleetRequirement.check();
        Path content = Files.createTempDirectory("pg-cluster-widget");
        Files.writeString(content.resolve("index.md"), "---\ntitle: 홈\n---\n# 홈\n");
        Files.writeString(content.resolve("run.md"), "---\ntitle: 끊겨도 이어지는 학습\nnav_order: 1\n---\n"
                + "# 끊겨도 이어지는 학습\n\n```playground title=\"보스턴 집값\"\n" + RUN + "\n```\n");
        try (RedisServer redis = RedisServer.start(Files.createTempDirectory("pg-cluster-widget-redis"));
             Worker worker = new Worker(Redis.connect(redis.url()), new Sandbox(LIMITS, new Scheduler(LIMITS)), 8,
                     1_000)) {
            Site first = Site.start(content, webProcess(redis), "127.0.0.1", 0);
            int port = first.port();
            Site second = null;
            try {
                browser.get("http://127.0.0.1:" + port + "/run");
                browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
                browser.script("document.querySelector('.pg-widget .pg-run').click()");
                browser.waitFor("var c = document.querySelector('.pg-chart canvas');"
                        + " return c && c.pgChart && c.pgChart.data.datasets[0].data.length >= 3", Duration.ofSeconds(60));
                first.close();  // its sockets close (1012); the run goes on on the worker
                long drawnWhenItStopped = (Long) browser.script(DRAWN);
                assertTrue(drawnWhenItStopped < 200, "the rest must come through the second process: "
                        + drawnWhenItStopped);
                second = Site.start(content, webProcess(redis), "127.0.0.1", port);
                browser.waitFor("return document.querySelector('.pg-widget').dataset.state === 'done'",
                        Duration.ofSeconds(90));
                @SuppressWarnings("unchecked")
                List<Number> drawn = (List<Number>) browser.script("return document.querySelector('.pg-chart canvas')"
                        + ".pgChart.data.datasets[0].data.map(function (p) { return p.y; })");
                RunSpec spec = RunSpec.parse(RUN);
                List<Double> own = Runner.run(spec, spec.seed()).history().get("loss");
                assertEquals(own, drawn.stream().map(Number::doubleValue).toList(), "every epoch once, the seed's own");
                browser.script("document.querySelector('.pg-chart').scrollIntoView()");
                browser.screenshot("cluster-widget-resumed");
            } finally {
                if (second != null) second.close();
                else first.close();
            }
        }
    }
}
