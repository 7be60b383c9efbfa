package com.wildrydes.local.console;

/**
 * Local mode's one hook for watching a lab live: its functions, asynchronous invokers, state
 * machines and API report each {@link LabEvent} here (see {@code LocalLab#listen}). A listener is
 * called on the component's own thread: it must return quickly and never throw.
 */
@FunctionalInterface
public interface LabEventListener {

    /** Listens to nothing: what a component reports before anyone listens. */
    LabEventListener NONE = event -> {};

    void onEvent(LabEvent event);
}
