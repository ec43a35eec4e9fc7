package playground.loadtest;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The cluster tests need Debian's redis-server and haproxy: skipped without them on a laptop, a failure on CI. */
public final class FleetRequirement {
    private FleetRequirement() {}

    public static void check() {
        if (ExternalProgram.fleetInstalled()) return;
        String why = "redis-server and haproxy are needed (apt-get install redis-server haproxy; .ci/run installs them)";
        if (System.getenv("CI") != null) fail(why);
        assumeTrue(false, why);
    }
}
