package com.wildrydes.local.console;

/**
 * Local mode's one hook for watching a lab live: its functions, asynchronous invokers, state
 * machines and API report each {@link LabEvent} here (see {@code LocalLab#listen}). A listener is
 * called on the component's own thread: it must return quickly and never throw.
 */
@FunctionalInterface
public interface LabEventListener {

    /** Listens to nothing: what a component reports before anyone listens. */
    LabEventListener NONE = new LabEventListener() {
        @Override
        public void onEvent(LabEvent event) {}

        @Override
        public boolean listening() {
            return false;
        }
    };

    void onEvent(LabEvent event);

    /** Whether anyone listens now: a component builds an event's payload only then, so unwatched labs pay nothing. */
    default boolean listening() {
        return true;
    }
}
