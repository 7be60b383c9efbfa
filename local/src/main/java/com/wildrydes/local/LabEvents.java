package com.wildrydes.local;

import com.wildrydes.local.console.LabEvent;
import com.wildrydes.local.console.LabEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one listener a lab's parts report to (its functions, asynchronous invokers, REST APIs and
 * state machines), passing each event on to whoever watches the lab now (the local console). Parts
 * ask {@link #listening()} first, so a lab nobody watches builds no event.
 */
final class LabEvents implements LabEventListener {

    private final List<LabEventListener> listeners = new CopyOnWriteArrayList<>();

    void add(LabEventListener listener) {
        listeners.add(listener);
    }

    void remove(LabEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void onEvent(LabEvent event) {
        listeners.forEach(listener -> listener.onEvent(event));
    }

    @Override
    public boolean listening() {
        return !listeners.isEmpty();
    }
}
