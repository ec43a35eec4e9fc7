package playground.runs;

/** The scheduler's queue is full, or it is shutting down and accepts no more runs. */
public final class SchedulerBusyException extends Exception {
    private final String code;

    SchedulerBusyException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** {@code busy} or {@code shutting_down}. */
    public String code() {
        return code;
    }
}
