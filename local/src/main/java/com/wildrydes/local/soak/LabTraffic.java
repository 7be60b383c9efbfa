package com.wildrydes.local.soak;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.engines.RunningEngines;

/**
 * One lab's side of a soak: the settings it runs with, a steady stream of the workshop's requests,
 * and its invariants, checked while it runs and once the lab has settled.
 */
interface LabTraffic {

    String stack();

    /** Requests per second the stream sends. */
    double requestsPerSecond();

    /** The lab's settings for a soak (the template unchanged): time scale, retry delays, environment. */
    LocalSettings settings(LocalSettings base);

    /** Called once the lab is up, before any request. */
    void prepare(LocalLab lab, RunningEngines engines);

    /** Sends one request (from one of several client threads), counting it in {@code figures}. */
    void sendOne(LocalLab lab, SoakFigures figures) throws Exception;

    /** Collects what the lab did so far (processed, dead letters, completions), for latencies and checks. */
    void observe(LocalLab lab, RunningEngines engines, SoakFigures figures);

    /** True when every accepted request is accounted for (processed or dead-lettered), so the run can end. */
    boolean settled();

    /** The invariants over everything observed, once settled or out of time: losses, duplicates, violations. */
    void check(LocalLab lab, RunningEngines engines, SoakFigures figures) throws Exception;

    /** How long the lab may take to settle after the last request. */
    java.time.Duration settleTime();
}
