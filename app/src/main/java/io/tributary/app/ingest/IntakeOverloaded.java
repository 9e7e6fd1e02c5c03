package io.tributary.app.ingest;

/** The intake queue is full: refused at once, nothing queued or stored (503 with Retry-After). */
public class IntakeOverloaded extends IntakeUnavailable {

    public IntakeOverloaded(int capacity) {
        super("the intake queue is full (" + capacity + " events): retry later", null);
    }

    @Override
    public boolean refusedAtOnce() {
        return true;
    }
}
