package playground.runs;

/** Hears a run and ignores it: a test extends it and overrides only the events it counts. */
class SilentListener implements RunListener {
    @Override public void queued(int position) {}
    @Override public void started(RunStart start) {}
    @Override public void epoch(EpochLogs logs) {}
    @Override public void done(KerasOutcome outcome, long elapsedMs) {}
    @Override public void cancelled(int epoch) {}
    @Override public void failed(String code, String message, String field) {}
}
