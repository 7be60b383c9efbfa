/**
 * Scatter-gather: {@link com.wildrydes.constructs.rfq.ScatterGatherRfq}, a request for quotes sent
 * to every responder at once, its answers gathered once each until all have answered or its
 * deadline passes.
 */
package com.wildrydes.constructs.rfq;
